using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ModelCatalog.Tests.Ids;

/// <summary>FsCheck generators for valid ID parts, valid IDs, and arbitrary text and bytes aimed at the grammar's edges.</summary>
public static class IdGenerators
{
    private const string ProviderAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

    /// <summary>A valid provider ID: 1–64 characters of <c>[A-Za-z0-9_]</c>, long ones included.</summary>
    public static Gen<string> ProviderId { get; } =
        Gen.Frequency(
            (4, Gen.Choose(1, 12)),
            (1, Gen.Choose(1, UnifiedModelId.MaxProviderIdLength)),
            (1, Gen.Choose(UnifiedModelId.MaxProviderIdLength - 2, UnifiedModelId.MaxProviderIdLength)))
        .SelectMany(length => Gen.ArrayOf(Gen.Elements(ProviderAlphabet.ToCharArray()), length))
        .Select(chars => new string(chars));

    /// <summary>One allowed model-name element: mostly printable ASCII (with '/'), sometimes a BMP or astral character.</summary>
    public static Gen<string> ModelNameElement { get; } =
        Gen.Frequency(
            (12, Gen.Choose('!', '~').Select(c => ((char)c).ToString())),
            (3, Gen.Elements("/", ":", "@", ".", "-", "é", "中", "—", "😀", "\uFFFD", "\uFEFF")),
            (2, Gen.Choose(0x80, 0xFFFF).Where(c => !char.IsSurrogate((char)c)).Select(c => new Rune(c))
                .Where(IsAllowed).Select(r => r.ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(c => new Rune(c)).Where(IsAllowed).Select(r => r.ToString())));

    /// <summary>A valid model name: 1–256 UTF-16 code units of allowed characters, lengths near the bound included.</summary>
    public static Gen<string> ModelName { get; } =
        Gen.Frequency(
            (4, Gen.NonEmptyListOf(ModelNameElement)),
            (1, Gen.Choose(UnifiedModelId.MaxModelNameLength - 4, UnifiedModelId.MaxModelNameLength)
                .SelectMany(length => Gen.ListOf(ModelNameElement, length))
                .Where(elements => elements.Count > 0)))
        .Select(elements => Fit(elements, UnifiedModelId.MaxModelNameLength));

    /// <summary>Valid parts of an ID.</summary>
    public static Gen<(string ProviderId, string ModelName)> Parts { get; } =
        Gen.Zip(ProviderId, ModelName, (provider, model) => (provider, model));

    /// <summary>A valid ID, built through <see cref="UnifiedModelId.Create"/>.</summary>
    public static Gen<UnifiedModelId> ValidId { get; } = Parts.Select(p => UnifiedModelId.Create(p.ProviderId, p.ModelName));

    /// <summary>IDs drawn from a small pool (and the "no ID" value) so that equal and prefix-related pairs are common.</summary>
    public static Gen<UnifiedModelId> CollidingId { get; } =
        Gen.Frequency(
            (1, Gen.Constant(default(UnifiedModelId))),
            (12, Gen.Zip(
                Gen.Elements("a", "b", "A", "a_b", "ab", "a0", "Z", "openai", "openai_eu"),
                Gen.Elements("x", "y", "X", "x/y", "x-y", "x/", "xy", "é", "😀", "\uFFFD", "gpt-4o", "gpt-4o-mini"),
                UnifiedModelId.Create)));

    /// <summary>
    /// Arbitrary text built from pieces the grammar cares about: separators, provider and model characters, controls,
    /// white space, surrogate pairs, lone surrogates, and long runs across the 64 and 256 bounds.
    /// </summary>
    public static Gen<string> AnyText { get; } = TextFrom(allowLoneSurrogates: true);

    /// <summary>Like <see cref="AnyText"/> but always well-formed UTF-16 (no lone surrogate), so it has a UTF-8 form.</summary>
    public static Gen<string> UnicodeText { get; } = TextFrom(allowLoneSurrogates: false);

    /// <summary>Arbitrary bytes: valid UTF-8 of <see cref="UnicodeText"/> with random damage, or plain random bytes.</summary>
    public static Gen<byte[]> AnyBytes { get; } =
        Gen.Frequency(
            (2, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
            (2, Gen.ArrayOf(Gen.Elements<byte>(0x2F, 0x61, 0x5F, 0x2D, 0x20, 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xA9,
                0xE2, 0x82, 0xAC, 0xED, 0xA0, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x90, 0xF8, 0xFE, 0xFF))),
            (1, Gen.Constant(Array.Empty<byte>())),
            (2, Parts.Select(p => Encoding.UTF8.GetBytes(p.ProviderId + "/" + p.ModelName))),
            (3, Gen.Zip(UnicodeText, Gen.Zip(Gen.Choose(0, 1000), Gen.Choose(0, 255)))
                .Select(p => Damage(p.Item1, p.Item2.Item1, p.Item2.Item2))));

    private static Gen<string> TextFrom(bool allowLoneSurrogates)
    {
        var single = Gen.Elements(allowLoneSurrogates
            ? new[] { "/", "/", "a", "Z", "0", "_", "-", ".", ":", "@", " ", "\t", "\n", "\0", "\u007F", "\u0085", "\u00A0", "\u2028",
                "é", "中", "😀", "\uFEFF", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF" }
            : new[] { "/", "/", "a", "Z", "0", "_", "-", ".", ":", "@", " ", "\t", "\n", "\0", "\u007F", "\u0085", "\u00A0",
                "\u2028", "é", "中", "😀", "\uFEFF", "\uFFFF" });
        var anyChar = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())
            .Where(s => allowLoneSurrogates || !char.IsSurrogate(s[0]));
        var piece = Gen.Frequency((10, single), (3, anyChar));
        var run = Gen.Zip(Gen.Frequency((6, piece), (1, Gen.Constant("é")), (1, Gen.Constant("😀"))),
                Gen.Frequency((3, Gen.Choose(0, 70)), (2, Gen.Choose(240, 270)), (1, Gen.Choose(0, 600))))
            .Select(p => string.Concat(Enumerable.Repeat(p.Item1, p.Item2)));
        var valid = Parts.Select(p => p.ProviderId + "/" + p.ModelName);
        var chaos = Gen.ListOf(Gen.Frequency((8, piece), (1, run), (1, valid))).Select(string.Concat);
        var boundLength = Gen.Frequency((3, Gen.Choose(60, 70)), (3, Gen.Choose(250, 260)), (1, Gen.Constant(1000)));
        var nearBound = Gen.Zip(Gen.Elements("a", "_", "é", "😀"), boundLength).Select(p => string.Concat(Enumerable.Repeat(p.Item1, p.Item2)));
        var providerish = Gen.Frequency(
            (6, ProviderId), (1, Gen.Constant(string.Empty)), (2, Gen.Zip(ProviderId, piece).Select(p => p.Item1 + p.Item2)), (1, nearBound));
        var modelish = Gen.Frequency(
            (6, ModelName), (1, Gen.Constant(string.Empty)), (2, Gen.Zip(ModelName, piece).Select(p => p.Item1 + p.Item2)),
            (2, nearBound), (1, chaos));
        var separator = Gen.Frequency((8, Gen.Constant("/")), (1, Gen.Constant(string.Empty)));
        var shaped = Gen.Zip(providerish, Gen.Zip(separator, modelish)).Select(p => p.Item1 + p.Item2.Item1 + p.Item2.Item2);
        return Gen.Frequency(
            (1, Gen.Constant(string.Empty)), (4, chaos), (2, valid), (8, shaped), (1, Gen.Zip(valid, chaos).Select(p => p.Item1 + p.Item2)));
    }

    private static byte[] Damage(string text, int index, int value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 0 && value % 3 != 0)
        {
            bytes[index % bytes.Length] = (byte)value;
        }

        return bytes;
    }

    // Joins elements, stopping before the bound so a surrogate pair is never cut in half.
    private static string Fit(IEnumerable<string> elements, int max)
    {
        var builder = new StringBuilder();
        foreach (string element in elements)
        {
            if (builder.Length + element.Length > max)
            {
                break;
            }

            builder.Append(element);
        }

        return builder.ToString();
    }

    private static bool IsAllowed(Rune rune) => !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune);
}
