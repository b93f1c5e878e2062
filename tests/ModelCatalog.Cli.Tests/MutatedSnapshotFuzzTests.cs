using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using ModelCatalog.Cli.Tests.Support;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// A hostile upstream, generated: slices of the real snapshots in all four formats, mutated (truncation, byte flips,
/// invalid UTF-8, unpaired surrogate escapes, deep nesting, duplicated lines, wrong types), synced by the real command
/// into a copy of a database already synced from the unmutated slice. Exit codes stay 0/1/2/3, nothing throws, exit 1
/// leaves the database byte-identical, and after 0 or 3 every reading command and a later sync still work.
/// </summary>
public sealed class MutatedSnapshotFuzzTests
{
    // FsCheck.Xunit builds the class without xUnit's fixtures, so the templates are made once per process here.
    private static readonly Lazy<Templates> Shared = new(() =>
    {
        var templates = new Templates();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => templates.Dispose();
        return templates;
    });

    private readonly Templates _templates = Shared.Value;

    public enum Mutation { Truncate, FlipByte, InvalidUtf8InString, LoneSurrogateInString, DeepNesting, DuplicateLine, WrongType }

    public sealed record Case(int Format, Mutation Mutation, int Position, int Parameter);

    private static readonly Gen<Case> Cases =
        from format in Gen.Choose(0, Templates.Formats.Length - 1)
        from mutation in Gen.Elements(Enum.GetValues<Mutation>())
        from position in Gen.Choose(0, int.MaxValue)
        from parameter in Gen.Choose(1, 400)
        select new Case(format, mutation, position, parameter);

    [Property(MaxTest = 120)]
    public Property A_mutated_real_snapshot_never_crashes_the_tool_nor_leaves_an_unreadable_store()
        => Prop.ForAll(Arb.From(Cases), c => Task.Run(() => CheckAsync(c)).GetAwaiter().GetResult());

    private async Task CheckAsync(Case c)
    {
        string format = Templates.Formats[c.Format];
        byte[] slice = _templates.Slices[c.Format];
        byte[] mutated = Mutate(slice, c);
        using var cli = new CliRun();
        File.Copy(_templates.Databases[c.Format], cli.Database);
        string input = Path.Combine(cli.Folder, "mutated.json");
        File.WriteAllBytes(input, mutated);
        string before = cli.DatabaseHash();

        var (exit, _, error) = await cli.RunAsync("sync", input, "--format", format);

        Assert.True(exit is 0 or 1 or 2 or 3, $"{c}: exit {exit}: {error}");
        SqliteConnection.ClearAllPools();
        if (exit == 1)
        {
            Assert.True(before == cli.DatabaseHash(), $"{c}: exit 1 changed the database ({error})");
            return;
        }

        var list = await cli.JsonAsync("list");
        string id = list[0].GetProperty("id").GetString()!;
        foreach (string[] command in new[] { new[] { "list" }, ["show", id], ["show", id, "--json"], ["history", id], ["history", id, "--json"] })
        {
            var (code, _, failure) = await cli.RunAsync(command);
            Assert.True(code == 0, $"{c}: {string.Join(' ', command)} after exit {exit}: exit {code}: {failure}");
        }

        var (resync, _, resyncError) = await cli.RunAsync("sync", _templates.SlicePaths[c.Format], "--format", format);
        Assert.True(resync is 0 or 3, $"{c}: a later sync exits {resync}: {resyncError}");
    }

    private static byte[] Mutate(byte[] slice, Case c)
    {
        int at = c.Position % slice.Length;
        string text = Encoding.UTF8.GetString(slice);
        switch (c.Mutation)
        {
            case Mutation.Truncate:
                return slice[..at];
            case Mutation.FlipByte:
                byte[] flipped = [.. slice];
                flipped[at] ^= (byte)(c.Parameter % 255 + 1);
                return flipped;
            case Mutation.InvalidUtf8InString:
                int quote = slice.AsSpan(at).IndexOf((byte)'"') is var q and >= 0 ? at + q + 1 : slice.Length;
                byte[] bad = (c.Parameter % 3) switch { 0 => new byte[] { 0xFF }, 1 => [0xC3, 0x28], _ => [0xED, 0xA0, 0x80] };
                return [.. slice[..quote], .. bad, .. slice[quote..]];
            case Mutation.LoneSurrogateInString:
                int open = text.IndexOf('"', at % text.Length) is var o and >= 0 ? o + 1 : 0;
                return Encoding.UTF8.GetBytes(text.Insert(open, c.Parameter % 2 == 0 ? @"\ud800" : @"\udc00x"));
            case Mutation.DeepNesting:
                int digit = text.IndexOfAny("0123456789".ToCharArray(), at % text.Length) is var d and >= 0 ? d : 0;
                int depth = 40 + c.Parameter; // 41..440: both sides of the limit of 64 and of the file's 256
                return Encoding.UTF8.GetBytes(text[..digit] + new string('[', depth) + "1" + new string(']', depth) + text[(digit + 1)..]);
            case Mutation.DuplicateLine:
                string[] lines = text.Split('\n');
                int line = at % lines.Length;
                return Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1))));
            default:
                int number = text.IndexOfAny("0123456789".ToCharArray(), at % text.Length) is var n and >= 0 ? n : 0;
                int end = number;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-' or '+'))
                {
                    end++;
                }

                string replacement = (c.Parameter % 4) switch { 0 => "\"cheap\"", 1 => "{}", 2 => "[1]", _ => "true" };
                return Encoding.UTF8.GetBytes(text[..number] + replacement + text[end..]);
        }
    }

    /// <summary>One slice of a real snapshot per format, and a database synced from each, made once per run.</summary>
    public sealed class Templates : IDisposable
    {
        public static readonly string[] Formats = ["litellm", "openrouter", "modelsdev", "modelcatalog"];

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-fuzz-" + Guid.NewGuid().ToString("N"));

        public Templates()
        {
            Directory.CreateDirectory(_folder);
            Slices = [LiteLlm(), OpenRouter(), ModelsDev(), File.ReadAllBytes(CliRun.Sample("catalog.v1.json"))];
            SlicePaths = new string[Formats.Length];
            Databases = new string[Formats.Length];
            for (int i = 0; i < Formats.Length; i++)
            {
                SlicePaths[i] = Path.Combine(_folder, Formats[i] + ".json");
                File.WriteAllBytes(SlicePaths[i], Slices[i]);
                Databases[i] = Path.Combine(_folder, Formats[i] + ".db");
                string[] args = ["sync", SlicePaths[i], "--format", Formats[i], "--db", Databases[i]];
                var error = new StringWriter();
                int exit = Task.Run(() => CliApp.RunAsync(args, TextWriter.Null, error)).GetAwaiter().GetResult();
                if (exit is not (0 or 3))
                {
                    throw new InvalidOperationException($"seeding {Formats[i]} exited {exit}: {error}");
                }
            }

            SqliteConnection.ClearAllPools();
        }

        public byte[][] Slices { get; }

        public string[] SlicePaths { get; }

        public string[] Databases { get; }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static byte[] Indented(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        private static JsonNode Read(string folder, string file) => JsonNode.Parse(File.ReadAllBytes(SharedData.Path(folder, file)))!;

        private static byte[] LiteLlm()
        {
            var all = Read("litellm", "model_prices_2025-06-27.json").AsObject();
            var slice = new JsonObject();
            foreach (var (key, value) in all.Take(25))
            {
                slice[key] = value?.DeepClone();
            }

            return Indented(slice);
        }

        private static byte[] OpenRouter()
        {
            var root = Read("openrouter", "models_2026-04-30.json");
            var data = root as JsonArray ?? root["data"]!.AsArray();
            return Indented(new JsonObject { ["data"] = new JsonArray([.. data.Take(20).Select(m => m?.DeepClone())]) });
        }

        private static byte[] ModelsDev()
        {
            var all = Read("modelsdev", "models_2025-12-30.json").AsObject();
            var slice = new JsonObject();
            foreach (var (key, provider) in all.Take(3))
            {
                var copy = provider!.DeepClone().AsObject();
                var models = new JsonObject();
                foreach (var (id, model) in provider["models"]!.AsObject().Take(8))
                {
                    models[id] = model?.DeepClone();
                }

                copy["models"] = models;
                slice[key] = copy;
            }

            return Indented(slice);
        }
    }
}
