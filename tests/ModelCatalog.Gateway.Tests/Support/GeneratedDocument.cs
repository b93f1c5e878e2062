using System.Text;

namespace ModelCatalog.Gateway.Tests.Support;

/// <summary>
/// A JSON request body built from a seed: arbitrary white space, key and string escapes, number spellings, nesting and
/// nested <c>model</c> keys, with exactly one top-level <c>model</c> string whose byte range is known.
/// </summary>
public sealed class GeneratedDocument
{
    private static readonly string[] Numbers =
        ["0", "-0", "1", "-1", "0.5", "-0.0", "1e10", "1E+2", "2.5e-3", "123456789012345678901234567890", "1.000", "9007199254740993", "-12.75E-07"];

    private static readonly string[] Whitespace = ["", "", "", " ", "  ", "\n", "\r\n", "\t", " \n\t ", "\r"];

    private static readonly string[] Fragments =
        ["a", "model", "gpt-4o", "é", "日本", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u0041", "\\ud83d\\ude00", "\\u0000", " ", "{", "]", ",", ":"];

    private static readonly string[] ModelTexts = ["openai/gpt-4o", "anthropic/claude-3-5-sonnet", "openrouter/meta-llama/llama-3.1-70b-instruct", "x/y", "a_b/c:d@e.f"];

    private static readonly string[] NewModels = ["gpt-4o", "claude-3-5-sonnet-20241022", "meta-llama/llama-3.1-70b-instruct", "quote\"back\\slash", "tab\there", "é日本😀", "", "<script>&'+"];

    private GeneratedDocument(byte[] json, int modelStart, int modelEnd, string model, string newModel, int seed)
    {
        Json = json;
        ModelStart = modelStart;
        ModelEnd = modelEnd;
        Model = model;
        NewModel = newModel;
        Seed = seed;
    }

    public byte[] Json { get; }

    /// <summary>The offset of the model value's opening quote.</summary>
    public int ModelStart { get; }

    /// <summary>The offset just after the model value's closing quote.</summary>
    public int ModelEnd { get; }

    /// <summary>The model value, unescaped.</summary>
    public string Model { get; }

    /// <summary>The replacement to write.</summary>
    public string NewModel { get; }

    public int Seed { get; }

    public static GeneratedDocument Create(int seed, int size)
    {
        var random = new Random(seed);
        var builder = new Builder(random, Math.Max(1, size));
        var text = new StringBuilder();
        builder.Space(text);
        text.Append('{');
        var members = random.Next(0, Math.Min(12, 2 + size / 4));
        var modelIndex = random.Next(0, members + 1);
        var modelStart = 0;
        var modelEnd = 0;
        var model = ModelTexts[random.Next(ModelTexts.Length)];
        for (var i = 0; i <= members; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            builder.Space(text);
            if (i == modelIndex)
            {
                text.Append("\"model\"");
                builder.Space(text);
                text.Append(':');
                builder.Space(text);
                modelStart = Encoding.UTF8.GetByteCount(text.ToString());
                text.Append('"').Append(random.Next(3) == 0 ? EscapeSlashes(model) : model).Append('"');
                modelEnd = Encoding.UTF8.GetByteCount(text.ToString());
            }
            else
            {
                text.Append('"').Append(builder.StringContent()).Append('#').Append(i).Append('"');
                builder.Space(text);
                text.Append(':');
                builder.Space(text);
                builder.Value(text, depth: 1);
            }

            builder.Space(text);
        }

        text.Append('}');
        builder.Space(text);
        return new GeneratedDocument(Encoding.UTF8.GetBytes(text.ToString()), modelStart, modelEnd, model, NewModels[random.Next(NewModels.Length)], seed);
    }

    public override string ToString() => $"seed {Seed}, new model '{NewModel}': {Encoding.UTF8.GetString(Json)}";

    private static string EscapeSlashes(string model) => model.Replace("/", "\\/", StringComparison.Ordinal).Replace("a", "\\u0061", StringComparison.Ordinal);

    private sealed class Builder(Random random, int size)
    {
        private const int MaxDepth = 8;

        public void Space(StringBuilder text) => text.Append(Whitespace[random.Next(Whitespace.Length)]);

        public string StringContent()
        {
            var text = new StringBuilder();
            var count = random.Next(0, 6);
            for (var i = 0; i < count; i++)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            return text.ToString();
        }

        public void Value(StringBuilder text, int depth)
        {
            var kind = random.Next(depth >= MaxDepth ? 5 : 8);
            switch (kind)
            {
                case 0:
                    text.Append(Numbers[random.Next(Numbers.Length)]);
                    break;
                case 1:
                case 2:
                    text.Append('"').Append(StringContent()).Append('"');
                    break;
                case 3:
                    text.Append(random.Next(2) == 0 ? "true" : "false");
                    break;
                case 4:
                    text.Append("null");
                    break;
                case 5:
                    Array(text, depth);
                    break;
                default:
                    Object(text, depth);
                    break;
            }
        }

        private void Array(StringBuilder text, int depth)
            => Container(text, '[', ']', _ => Value(text, depth + 1));

        private void Object(StringBuilder text, int depth)
            => Container(text, '{', '}', i =>
            {
                // Nested "model" keys (as in messages, tools and metadata) must never be touched.
                text.Append('"').Append(i == 0 && random.Next(2) == 0 ? "model" : StringContent() + "#" + i).Append('"');
                Space(text);
                text.Append(':');
                Space(text);
                Value(text, depth + 1);
            });

        private void Container(StringBuilder text, char open, char close, Action<int> item)
        {
            text.Append(open);
            var count = random.Next(0, Math.Min(6, 1 + size / 10));
            for (var i = 0; i < count; i++)
            {
                text.Append(i > 0 ? "," : string.Empty);
                Space(text);
                item(i);
                Space(text);
            }

            Space(text);
            text.Append(close);
        }
    }
}
