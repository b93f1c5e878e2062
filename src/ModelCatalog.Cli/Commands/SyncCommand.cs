using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
    private readonly Argument<FileInfo> _file = new("file") { Description = "The catalog file to sync." };
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
    private readonly Option<int?> _maxFileSize = new("--max-file-size") { Description = "Refuse catalog files larger than this many MiB. Default 32." };

    public SyncCommand()
    {
        Command = new Command("sync", "Sync a catalog file into the catalog database.");
        Command.Arguments.Add(_file);
        foreach (var option in new Option[] { _format, _skipExisting, _updateOfficial, _force, _dryRun, _takeOver, _source, _sourceVersion, _missing, _maxRemovalShare, _maxFileSize })
        {
            Command.Options.Add(option);
        }

        _store.AddTo(Command);
        Command.Validators.Add(result =>
        {
            int modes = new[] { _skipExisting, _updateOfficial, _force }.Count(o => result.GetValue(o));
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

            if (result.GetValue(_maxFileSize) <= 0)
            {
                result.AddError("--max-file-size must be positive.");
            }
        });
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(_file)!;
        CatalogFormat? format = parse.GetValue(_format) is { } named ? ParseFormat(named) : null;
        var options = new SyncOptions
        {
            Mode = parse.GetValue(_skipExisting) ? UpdateMode.Skip : parse.GetValue(_force) ? UpdateMode.Force : UpdateMode.Smart,
            DryRun = parse.GetValue(_dryRun),
            MissingModels = ParseMissing(parse.GetValue(_missing) ?? "keep")!.Value,
            MaxRemovalShare = parse.GetValue(_maxRemovalShare) ?? 0.2,
            TakeOverFromOtherSources = parse.GetValue(_takeOver),
        };

        if (Directory.Exists(file.FullName))
        {
            console.Error($"error: '{file.FullName}' is a directory, not a catalog file. Nothing was written.");
            return ExitCodes.Failure;
        }

        if (!file.Exists)
        {
            console.Error($"error: the catalog file '{file.FullName}' does not exist. Nothing was written.");
            return ExitCodes.Failure;
        }

        long limit = (parse.GetValue(_maxFileSize) ?? 32) * 1024L * 1024L;
        if (file.Length > limit)
        {
            console.Error(string.Create(CultureInfo.InvariantCulture,
                $"error: the catalog file '{file.Name}' is {file.Length / 1024.0 / 1024.0:F1} MiB, larger than the {limit / 1024 / 1024} MiB limit (raise it with --max-file-size). Nothing was written."));
            return ExitCodes.Failure;
        }

        ModelSnapshot<CatalogModel> snapshot;
        bool formatDetected = false;
        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            if (format is null && CatalogImporter.TryDetectFormat(bytes, out var detected))
            {
                format = detected;
                formatDetected = true;
            }

            console.Progress($"Reading {file.Name}{(format is { } f ? $" ({CatalogImporter.Name(f)})" : string.Empty)}…");
            snapshot = CatalogImporter.Read(bytes, format, parse.GetValue(_source), parse.GetValue(_sourceVersion), DateTimeOffset.UtcNow);
            snapshot = snapshot.Version is null ? snapshot with { Version = Path.GetFileNameWithoutExtension(file.Name) } : snapshot;
        }
        catch (CatalogFormatException exception)
        {
            console.Error($"error: {file.Name}: {Sentence.End(exception.Message)} Nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error($"error: cannot read '{file.FullName}': {Sentence.End(exception.Message)} Nothing was written.");
            return ExitCodes.Failure;
        }

        var location = _store.Location(parse);
        SyncReport report;
        try
        {
            await using var handle = await CatalogStoreFactory.OpenForSyncAsync(location, options.DryRun, cancellationToken).ConfigureAwait(false);
            var catalog = new DefaultModelCatalog<CatalogModel>(handle.Store);
            console.Progress($"Syncing {snapshot.Models.Count:N0} models from {snapshot.SourceName} {snapshot.Version} ({options.Mode}{(options.DryRun ? ", dry run" : string.Empty)})…");
            report = await catalog.SyncAsync(snapshot, options, cancellationToken).ConfigureAwait(false);
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
            JsonOutput.Write(console.Out, writer => WriteJson(writer, report, format, formatDetected));
        }
        else
        {
            if (formatDetected)
            {
                console.Out.WriteLine($"Format: {CatalogImporter.Name(format!.Value)} (detected from the content; name another with --format).");
            }

            WriteText(console.Out, report, location);
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

    private static void WriteText(TextWriter output, SyncReport report, StoreLocation location)
    {
        string owned = report.OwnedByOtherSource > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {report.OwnedByOtherSource} left to the source that owns them (--take-over to take them)")
            : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(report.DryRun ? "Dry run of " : string.Empty)}{report.SourceName} {report.SourceVersion} into {location.Describe()} ({report.Mode}): " +
            $"{report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Skipped} skipped, {report.Rejected} rejected, " +
            $"{report.AliasCount} aliases, {report.MissingUpstream} missing upstream, {report.Deactivated} deactivated, {report.Removed} removed{owned}."));
        if (report.RemovalRefusedReason is { } refusedFirst)
        {
            // Summary first: a refused removal is stated before any table, never only after thousands of lines.
            output.WriteLine($"Removal refused: {refusedFirst}.");
        }

        var changed = report.Models.Where(m => m.Outcome is not (ModelSyncOutcome.Unchanged or ModelSyncOutcome.Skipped)
            || m.Changes.Any(c => c.Decision != FieldDecision.KeptLocal)).ToList();
        if (changed.Count > 0)
        {
            output.WriteLine();
            var table = new TextTable("model", "outcome", "changes");
            foreach (var model in changed)
            {
                table.Add(model.Id.ToString(), Names.Snake(model.Outcome), string.Join("; ", model.Changes.Where(c => c.Decision != FieldDecision.KeptLocal).Select(Describe)));
            }

            table.WriteTo(output);
        }

        if (report.Rejections.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Rejected:");
            foreach (var rejection in report.Rejections.Take(50))
            {
                output.WriteLine($"  {rejection.Key ?? $"#{rejection.Index}"}: {rejection.Reason}");
            }

            if (report.Rejections.Count > 50)
            {
                output.WriteLine($"  … and {report.Rejections.Count - 50} more (--json lists them all).");
            }
        }

        if (report.Aliases.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Aliases (one entry kept per model; not rejections):");
            foreach (var alias in report.Aliases.Take(50))
            {
                output.WriteLine($"  {alias.Key} → {alias.Id} (kept '{alias.KeptKey}')");
            }

            if (report.Aliases.Count > 50)
            {
                output.WriteLine($"  … and {report.Aliases.Count - 50} more (--json lists them all).");
            }
        }
    }

    private static string Describe(FieldChange change)
        => $"{Names.Snake(change.Field)} {ChangeText.Values(change.Decision, ChangeText.Shorten(DisplayValue.Of(change.OldValue), 60), ChangeText.Shorten(DisplayValue.Of(change.NewValue), 60))} ({ChangeText.Decision(change.Decision)})";

    private static void WriteJson(Utf8JsonWriter writer, SyncReport report, CatalogFormat? format, bool formatDetected)
    {
        writer.WriteStartObject();
        if (format is { } known)
        {
            writer.WriteString("format", CatalogImporter.Name(known));
        }

        writer.WriteBoolean("format_detected", formatDetected);
        writer.WriteString("mode", Names.Snake(report.Mode));
        writer.WriteBoolean("dry_run", report.DryRun);
        writer.WriteString("source", report.SourceName);
        writer.WriteString("source_version", report.SourceVersion);
        writer.WriteNumber("created", report.Created);
        writer.WriteNumber("updated", report.Updated);
        writer.WriteNumber("unchanged", report.Unchanged);
        writer.WriteNumber("skipped", report.Skipped);
        writer.WriteNumber("rejected", report.Rejected);
        writer.WriteNumber("aliases", report.AliasCount);
        writer.WriteNumber("missing_upstream", report.MissingUpstream);
        writer.WriteNumber("removed", report.Removed);
        writer.WriteNumber("deactivated", report.Deactivated);
        writer.WriteNumber("owned_by_other_source", report.OwnedByOtherSource);
        writer.WriteNumber("writes", report.Writes);
        if (report.RemovalRefusedReason is { } refused)
        {
            writer.WriteString("removal_refused", refused);
        }

        writer.WriteStartArray("models");
        foreach (var model in report.Models)
        {
            writer.WriteStartObject();
            writer.WriteString("id", model.Id.ToString());
            writer.WriteString("outcome", Names.Snake(model.Outcome));
            writer.WriteStartArray("changes");
            foreach (var change in model.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", Names.Snake(change.Field));
                writer.WritePropertyName("old");
                FieldValueJson.Write(writer, change.OldValue);
                writer.WritePropertyName("new");
                FieldValueJson.Write(writer, change.NewValue);
                writer.WriteString("decision", Names.Snake(change.Decision));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rejections");
        foreach (var rejection in report.Rejections)
        {
            writer.WriteStartObject();
            if (rejection.Key is not null)
            {
                writer.WriteString("id", rejection.Key);
            }

            if (rejection.Index is { } index)
            {
                writer.WriteNumber("index", index);
            }

            writer.WriteString("reason", rejection.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("aliases");
        foreach (var alias in report.Aliases)
        {
            writer.WriteStartObject();
            writer.WriteString("id", alias.Id.ToString());
            writer.WriteString("key", alias.Key);
            writer.WriteString("kept_key", alias.KeptKey);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
