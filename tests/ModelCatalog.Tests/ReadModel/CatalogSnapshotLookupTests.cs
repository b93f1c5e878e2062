using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using static ModelCatalog.Tests.ReadModel.SnapshotGenerators;

namespace ModelCatalog.Tests.ReadModel;

/// <summary><see cref="CatalogSnapshot{TModel}.Lookup(string, bool)"/> — the resolution hot readers share — against a LINQ oracle.</summary>
public sealed class CatalogSnapshotLookupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<string> Requested = Gen.OneOf(
        Gen.Zip(Gen.Elements("a", "A", "b", "openai", "OPENAI"), Gen.Elements("x", "X", "y", "gpt-4o", "GPT-4O", "m/1", "M/1"), (p, m) => p + "/" + m),
        Gen.Elements("", "no-slash", "open-ai/x", "a/", "/x", "a/with space"));

    [Property(MaxTest = 1_000)]
    public Property Lookup_takes_the_exact_match_then_the_one_case_insensitive_match_and_refuses_inactive_models()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Gen.ListOf(Requested)), Arb.From(Gen.Elements(true, false)), (models, requests, fallback) =>
        {
            var snapshot = new CatalogSnapshot<CatalogModel>(models, 0, 1, T0);
            foreach (var requested in requests)
            {
                var lookup = snapshot.Lookup(requested, fallback);
                if (!UnifiedModelId.TryParse(requested, out _))
                {
                    Assert.Equal(ModelLookupStatus.InvalidId, lookup.Status);
                    Assert.Equal(-1, lookup.Index);
                    continue;
                }

                var exact = models.SingleOrDefault(m => string.Equals(m.Model.Id.ToString(), requested, StringComparison.Ordinal));
                var loose = models.Where(m => string.Equals(m.Model.Id.ToString(), requested, StringComparison.OrdinalIgnoreCase)).ToList();
                var expected = exact ?? (fallback && loose.Count == 1 ? loose[0] : null);
                Assert.Equal(expected is null ? -1 : snapshot.Models.ToList().IndexOf(expected), lookup.Index);
                Assert.Equal(
                    expected is null ? ModelLookupStatus.Unknown : expected.Model.IsActive ? ModelLookupStatus.Found : ModelLookupStatus.Inactive,
                    lookup.Status);
                Assert.Equal(expected is not null && exact is null, lookup.IsCaseInsensitiveMatch);
            }
        });

    [Fact]
    public void An_invalid_id_reports_the_parse_error_and_its_position()
    {
        var snapshot = new CatalogSnapshot<CatalogModel>([], 0, 1, T0);

        var lookup = snapshot.Lookup("open-ai/x", caseInsensitiveFallback: true);

        Assert.Equal(ModelLookupStatus.InvalidId, lookup.Status);
        Assert.Equal(UnifiedModelIdError.InvalidProviderCharacter, lookup.ParseError);
        Assert.Equal(4, lookup.ParseErrorPosition);
    }

    [Fact]
    public void The_no_id_value_is_an_invalid_id()
        => Assert.Equal(ModelLookupStatus.InvalidId, new CatalogSnapshot<CatalogModel>([], 0, 1, T0).Lookup(default(UnifiedModelId), false).Status);
}
