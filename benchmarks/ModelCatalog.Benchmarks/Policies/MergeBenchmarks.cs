using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ModelCatalog.Benchmarks.Policies;

/// <summary>
/// Merging one 12-field model: the generated merger beside a hand-written one (the baseline) and a reflection-based one.
/// "NothingChanged": the official record equals the stored model and the baseline is current. "Changes": two official
/// fields change on every call (alternating records) and two local flags differ and are reported as kept.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MergeBenchmarks
{
    private readonly IModelMerger<BenchModel> _generated = BenchModel.Merger;
    private readonly ReflectionMerger<BenchModel> _reflection = new();
    private BenchModel _stored = null!;
    private BenchModel _same = null!;
    private BenchModel _officialA = null!;
    private BenchModel _officialB = null!;
    private ModelBaseline _baseline = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _stored = new BenchModel
        {
            Id = UnifiedModelId.Parse("elevenlabs/eleven_turbo_v2"),
            DisplayName = "ElevenLabs Turbo V2",
            Description = "Fast text to speech",
            CostPerUnit = 0.0014m,
            UnitType = "character",
            CreditsPerUnit = 1.4m,
            Provider = "ElevenLabs",
            ModelType = "tts",
            InputCostPerMillionTokens = null,
            OutputCostPerMillionTokens = null,
            ContextWindow = 10_000,
        };
        _same = _generated.Clone(_stored);
        _officialA = _generated.Clone(_stored);
        _officialA.Description = "Fast text to speech, low latency";
        _officialA.CostPerUnit = 0.0016m;
        _officialA.IsActive = false;
        _officialA.IsVisible = false;
        _officialB = _generated.Clone(_officialA);
        _officialB.Description = "Fast text to speech";
        _officialB.CostPerUnit = 0.0014m;
        _baseline = _generated.CaptureBaseline(_stored);
        CheckTheThreeMergersAgree();
    }

    /// <summary>The comparison only means something if the three mergers decide the same: fail the run otherwise.</summary>
    private void CheckTheThreeMergersAgree()
    {
        foreach (var official in new[] { _same, _officialA, _officialB })
        {
            var results = new[]
            {
                HandWrittenMerger.Merge(_generated.Clone(_stored), official, _baseline, UpdateMode.Smart),
                _generated.Merge(_generated.Clone(_stored), official, _baseline, UpdateMode.Smart),
                _reflection.Merge(_generated.Clone(_stored), official, _baseline, UpdateMode.Smart),
            };
            var shapes = results.Select(r => string.Join(",", r.Changes.Select(c => $"{c.Field}:{c.Decision}:{c.OldValue}:{c.NewValue}")) + "|" + r.ModelChanged + "|" + r.BaselineChanged).ToArray();
            if (shapes.Distinct().Count() != 1)
            {
                throw new InvalidOperationException("The mergers disagree:\n" + string.Join("\n", shapes));
            }
        }
    }

    private BenchModel NextOfficial() => (_toggle = !_toggle) ? _officialA : _officialB;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("NothingChanged")]
    public ModelMergeResult HandWritten_NothingChanged() => HandWrittenMerger.Merge(_stored, _same, _baseline, UpdateMode.Smart);

    [Benchmark]
    [BenchmarkCategory("NothingChanged")]
    public ModelMergeResult Generated_NothingChanged() => _generated.Merge(_stored, _same, _baseline, UpdateMode.Smart);

    [Benchmark]
    [BenchmarkCategory("NothingChanged")]
    public ModelMergeResult Reflection_NothingChanged() => _reflection.Merge(_stored, _same, _baseline, UpdateMode.Smart);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Changes")]
    public ModelMergeResult HandWritten_Changes() => HandWrittenMerger.Merge(_stored, NextOfficial(), _baseline, UpdateMode.Smart);

    [Benchmark]
    [BenchmarkCategory("Changes")]
    public ModelMergeResult Generated_Changes() => _generated.Merge(_stored, NextOfficial(), _baseline, UpdateMode.Smart);

    [Benchmark]
    [BenchmarkCategory("Changes")]
    public ModelMergeResult Reflection_Changes() => _reflection.Merge(_stored, NextOfficial(), _baseline, UpdateMode.Smart);
}
