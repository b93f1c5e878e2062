using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;

namespace ModelCatalog.Benchmarks.Ids;

/// <summary>
/// Unified model ID parsing and formatting, one class per operation, each beside a baseline. Run with
/// <c>--filter '*ParseBenchmarks*'</c>; the figures are kept in benchmarks/README.md.
/// </summary>
public static class ParseBenchmarks
{
    // Realistic IDs: short, a Bedrock-style long name, an OpenRouter-style name with its own '/'.
    public const string OpenAi = "openai/gpt-4o";
    public const string Bedrock = "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0";
    public const string OpenRouter = "openrouter/meta-llama/llama-3.1-70b-instruct";

    /// <summary>Parsing a <see cref="string"/>: ours against the usual port of a regex-based implementation.</summary>
    [MemoryDiagnoser]
    public class FromString
    {
        private static readonly Regex ProviderRegex = new("^[A-Za-z0-9_]{1,64}$", RegexOptions.Compiled);
        private static readonly Regex ModelNameRegex = new(@"^[^\s\p{Cc}]{1,256}$", RegexOptions.Compiled);

        [Params(OpenAi, Bedrock, OpenRouter)]
        public string Id { get; set; } = "";

        /// <summary>The naive approach: split at the first '/', then one compiled regex per part.</summary>
        [Benchmark(Baseline = true)]
        public bool NaiveSplitAndRegex()
        {
            string[] parts = Id.Split('/', 2);
            return parts.Length == 2 && ProviderRegex.IsMatch(parts[0]) && ModelNameRegex.IsMatch(parts[1]);
        }

        [Benchmark]
        public UnifiedModelId TryParse()
        {
            _ = UnifiedModelId.TryParse(Id, out var id);
            return id;
        }
    }

    /// <summary>Parsing spans, which must allocate the one string the ID keeps: UTF-8 against UTF-16 characters.</summary>
    [MemoryDiagnoser]
    public class FromSpan
    {
        private string _text = "";
        private byte[] _utf8 = [];

        [Params(OpenAi, Bedrock, OpenRouter)]
        public string Id { get; set; } = "";

        [GlobalSetup]
        public void Setup()
        {
            // A copy, so the char path cannot reuse the parameter's string object.
            _text = new string(Id.AsSpan());
            _utf8 = Encoding.UTF8.GetBytes(Id);
        }

        [Benchmark(Baseline = true)]
        public UnifiedModelId Chars()
        {
            _ = UnifiedModelId.TryParse(_text.AsSpan(), out var id);
            return id;
        }

        [Benchmark]
        public UnifiedModelId Utf8()
        {
            _ = UnifiedModelId.TryParse(_utf8, out var id);
            return id;
        }
    }

    /// <summary>Formatting: ours against joining the two parts the way a naive (provider, model) record does.</summary>
    [MemoryDiagnoser]
    public class Format
    {
        private readonly char[] _chars = new char[UnifiedModelId.MaxLength];
        private readonly byte[] _bytes = new byte[UnifiedModelId.MaxLength * 3];
        private UnifiedModelId _id;
        private string _provider = "";
        private string _model = "";

        [Params(OpenAi, Bedrock, OpenRouter)]
        public string Id { get; set; } = "";

        [GlobalSetup]
        public void Setup()
        {
            _id = UnifiedModelId.Parse(Id);
            _provider = _id.ProviderId;
            _model = _id.ModelName;
        }

        [Benchmark(Baseline = true)]
        public string NaiveConcat() => string.Concat(_provider, "/", _model);

        [Benchmark]
        public int TryFormatChars()
        {
            _ = _id.TryFormat(_chars, out int written);
            return written;
        }

        [Benchmark]
        public int TryFormatUtf8()
        {
            _ = _id.TryFormat(_bytes, out int written);
            return written;
        }

        [Benchmark]
        public string ToStringCall() => _id.ToString();
    }
}
