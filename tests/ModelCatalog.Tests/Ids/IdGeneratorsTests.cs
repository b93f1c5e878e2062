using System.Text;
using FsCheck.Fluent;

namespace ModelCatalog.Tests.Ids;

/// <summary>Guards the generators themselves: a property over inputs that never reach a branch proves nothing about it.</summary>
public sealed class IdGeneratorsTests
{
    [Fact]
    public void Arbitrary_text_reaches_every_text_error_and_valid_ids()
    {
        var seen = Gen.Sample(IdGenerators.AnyText, 3_000, 100)
            .Select(text => ReferenceParser.Check(text).Error)
            .ToHashSet();

        var expected = Enum.GetValues<UnifiedModelIdError>().Where(e => e != UnifiedModelIdError.InvalidUtf8);
        Assert.Empty(expected.Except(seen));
    }

    [Fact]
    public void Arbitrary_bytes_reach_invalid_utf8_and_valid_ids()
    {
        var seen = Gen.Sample(IdGenerators.AnyBytes, 3_000, 100)
            .Select(bytes => UnifiedModelId.TryParse(bytes, out _, out var error, out _) ? UnifiedModelIdError.None : error)
            .ToHashSet();

        Assert.Contains(UnifiedModelIdError.InvalidUtf8, seen);
        Assert.Contains(UnifiedModelIdError.None, seen);
        Assert.Contains(UnifiedModelIdError.InvalidModelNameCharacter, seen);
    }

    [Fact]
    public void Valid_ids_include_non_ascii_astral_and_bound_length_model_names()
    {
        var names = Gen.Sample(IdGenerators.ModelName, 3_000, 100);

        Assert.All(names, name => Assert.True(UnifiedModelId.IsValidModelName(name, out _, out _), name));
        Assert.Contains(names, name => name.Length == UnifiedModelId.MaxModelNameLength);
        Assert.Contains(names, name => name.Any(char.IsSurrogate));
        Assert.Contains(names, name => name.Contains('/', StringComparison.Ordinal));
        Assert.Contains(names, name => Encoding.UTF8.GetByteCount(name) > name.Length);
        Assert.Contains(Gen.Sample(IdGenerators.ProviderId, 3_000, 100), p => p.Length == UnifiedModelId.MaxProviderIdLength);
    }
}
