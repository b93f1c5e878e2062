using FsCheck;
using FsCheck.Fluent;

namespace ModelCatalog.Tests.Support;

/// <summary>
/// The small stand-in for FsCheck.Xunit's <c>[Property]</c>: runs a property for many generated cases and fails the
/// xUnit test with FsCheck's shrunk counter-example and its replay seed.
/// </summary>
public static class PropertyCheck
{
    /// <summary>The default number of generated cases per property.</summary>
    public const int DefaultCases = 2_000;

    public static void Run(Property property, int cases = DefaultCases, int maxSize = 100)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithEndSize(maxSize).WithQuietOnSuccess(true);
        Check.One(config, property);
    }

    public static void ForAll<T>(Arbitrary<T> arbitrary, Func<T, bool> law, int cases = DefaultCases, int maxSize = 100)
        => Run(Prop.ForAll(arbitrary, law), cases, maxSize);

    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> law, int cases = DefaultCases, int maxSize = 100)
        => Run(Prop.ForAll(arbitrary, law), cases, maxSize);

    public static void ForAll<T>(Gen<T> generator, Func<T, bool> law, int cases = DefaultCases, int maxSize = 100)
        => ForAll(Arb.From(generator), law, cases, maxSize);

    public static void ForAll<T>(Gen<T> generator, Action<T> law, int cases = DefaultCases, int maxSize = 100)
        => ForAll(Arb.From(generator), law, cases, maxSize);
}
