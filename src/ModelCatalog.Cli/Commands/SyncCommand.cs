using System.CommandLine;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>modelcatalog sync &lt;file&gt;</c>: the original sync script's successor.</summary>
internal sealed class SyncCommand : ICliCommand
{
    private readonly StoreOptions _store = new();
    private readonly Argument<string> _input = new("file-or-url") { Description = "The catalog file to sync, or an http(s):// URL to fetch it from." };
    private readonly Option<string> _format = new("--format") { Description = "modelcatalog, litellm, openrouter or modelsdev (default: detected from the content)." };
    private readonly Option<bool> _skipExisting = new("--skip-existing") { Description = "Create new models only; leave existing ones untouched (Skip)." };
    private readonly Option<bool> _updateOfficial = new("--update-official") { Description = "The default: update official fields, keep local ones and customised display names (Smart)." };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite every field, local ones included (Force)." };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Report what would change; write nothing." };
    private readonly Option<bool> _takeOver = new("--take-over") { Description = "Take over models another source synced (by default they are left to it)." };
    private readonly Option<string> _source = new("--source") { Description = "The source name (default: the file's own, else the format's name)." };
    private readonly Option<string> _sourceVersion = new("--source-version") { Description = "The source version (default: the file's own, else the file name)." };
    private readonly Option<string> _missing = new("--missing") { Description = "What to do with models the source no longer lists: keep (default, marked), deactivate or delete." };
    private readonly Option<double?> _maxRemovalShare = new("--max-removal-share") { Description = "The largest share (0-1) of the source's models one run may deactivate or delete. Default 0.2." };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print one summary line." };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "List unchanged and skipped models and kept local values too." };
    private readonly Option<decimal?> _holdPriceChanges = new("--hold-price-changes")
    {
        Description = "Hold for review (modelcatalog review) price changes larger than this share (0.5 = ±50%), prices going to or from zero or vanishing, and new models without a price (created inactive).",
    };

    private readonly Option<int?> _maxFileSize = new("--max-file-size") { Description = "Refuse catalog files (or fetched bodies) larger than this many MiB. Default 32." };

    public SyncCommand()
    {
        Command = new Command("sync", "Sync a catalog file into the catalog database.");
        Command.Arguments.Add(_input);
        foreach (var option in new Option[] { _format, _skipExisting, _updateOfficial, _force, _dryRun, _takeOver, _source, _sourceVersion, _missing, _maxRemovalShare, _holdPriceChanges, _maxFileSize, _quiet, _verbose })
        {
            Command.Options.Add(option);
        }

        _store.AddTo(Command);
        Command.Validators.Add(result =>
        {
            int modes = new[] { _skipExisting, _updateOfficial, _force }.Count(o => result.GetValue(o));
            if (result.GetValue(_quiet) && result.GetValue(_verbose))
            {
                result.AddError("--quiet and --verbose cannot be used together.");
            }

            if (modes > 1)
            {
                result.AddError("--skip-existing, --update-official and --force are mutually exclusive.");
            }

            if (result.GetValue(_format) is { } format && ParseFormat(format) is null)
            {
                result.AddError($"Unknown format '{format}': use modelcatalog, litellm, openrouter or modelsdev.");
            }

            if (result.GetValue(_missing) is { } missing && ParseMissing(missing) is null)
            {
                result.AddError($"Unknown --missing policy '{missing}': use keep, deactivate or delete.");
            }

            if (result.GetValue(_maxRemovalShare) is { } share && (double.IsNaN(share) || share is < 0 or > 1))
            {
                result.AddError("--max-removal-share must be between 0 and 1.");
            }

            if (result.GetValue(_holdPriceChanges) <= 0)
            {
                result.AddError("--hold-price-changes must be a positive share (0.5 holds changes of more than ±50%).");
            }

            if (result.GetValue(_maxFileSize) <= 0)
            {
                result.AddError("--max-file-size must be positive.");
            }
        });
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        string input = parse.GetValue(_input)!;
        CatalogFormat? format = parse.GetValue(_format) is { } named ? ParseFormat(named) : null;
        var options = new SyncOptions
        {
            Mode = parse.GetValue(_skipExisting) ? UpdateMode.Skip : parse.GetValue(_force) ? UpdateMode.Force : UpdateMode.Smart,
            DryRun = parse.GetValue(_dryRun),
            MissingModels = ParseMissing(parse.GetValue(_missing) ?? "keep")!.Value,
            MaxRemovalShare = parse.GetValue(_maxRemovalShare) ?? 0.2,
            TakeOverFromOtherSources = parse.GetValue(_takeOver),
            PriceGuardrails = parse.GetValue(_holdPriceChanges) is { } share ? new PriceGuardrails { MaxRelativeChange = share } : null,
        };

        long limit = (parse.GetValue(_maxFileSize) ?? 32) * 1024L * 1024L;
        string? source = parse.GetValue(_source), version = parse.GetValue(_sourceVersion);
        var read = await console.WithStatusAsync($"Reading {input}…", () => CatalogInput.IsUrl(input, out var uri)
            ? CatalogInput.FromUrlAsync(uri, format, source, version, limit, console, cancellationToken)
            : CatalogInput.FromFileAsync(new FileInfo(input), format, source, version, limit, console, cancellationToken)).ConfigureAwait(false);
        if (read is null)
        {
            return ExitCodes.Failure;
        }

        var (snapshot, readFormat, formatDetected) = read;
        format = readFormat;

        var location = _store.Location(parse);
        SyncReport report;
        try
        {
            await using var handle = await CatalogStoreFactory.OpenForSyncAsync(location, options.DryRun, cancellationToken).ConfigureAwait(false);
            var catalog = new DefaultModelCatalog<CatalogModel>(handle.Store);
            report = await console.WithStatusAsync(
                $"Syncing {snapshot.Models.Count:N0} models from {snapshot.SourceName} {snapshot.Version} ({options.Mode}{(options.DryRun ? ", dry run" : string.Empty)})…",
                () => catalog.SyncAsync(snapshot, options, cancellationToken).AsTask()).ConfigureAwait(false);
        }
        catch (CatalogStoreException exception)
        {
            console.Error($"error: {exception.Message} Nothing was written.");
            return ExitCodes.Failure;
        }
        catch (ModelStoreConflictException exception)
        {
            console.Error($"error: the catalog kept changing under the sync (other writers won {ModelSynchronizer<CatalogModel>.MaxAttempts} times in a row): {Sentence.End(exception.Message)} Nothing was written.");
            return ExitCodes.Failure;
        }

        if (parse.GetValue(_store.Json))
        {
            JsonOutput.Write(console.Raw, writer => SyncReportJson.Write(writer, report, format, formatDetected));
        }
        else
        {
            string? formatNote = formatDetected ? $"Format: {CatalogImporter.Name(format!.Value)} (detected from the content; name another with --format)." : null;
            var verbosity = parse.GetValue(_quiet) ? Verbosity.Quiet : parse.GetValue(_verbose) ? Verbosity.Verbose : Verbosity.Normal;
            SyncReportView.Write(console, report, location, formatNote, verbosity);
        }

        return report.Rejected > 0 ? ExitCodes.AppliedWithRejections : ExitCodes.Ok;
    }

    private static CatalogFormat? ParseFormat(string text) => text.ToUpperInvariant() switch
    {
        "MODELCATALOG" => CatalogFormat.ModelCatalog,
        "LITELLM" => CatalogFormat.LiteLlm,
        "OPENROUTER" => CatalogFormat.OpenRouter,
        "MODELSDEV" => CatalogFormat.ModelsDev,
        _ => null,
    };

    private static MissingModelPolicy? ParseMissing(string text) => text.ToUpperInvariant() switch
    {
        "KEEP" => MissingModelPolicy.Keep,
        "DEACTIVATE" => MissingModelPolicy.Deactivate,
        "DELETE" => MissingModelPolicy.Delete,
        _ => null,
    };
}
