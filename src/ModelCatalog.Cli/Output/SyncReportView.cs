using System.Globalization;
using ModelCatalog.Cli.Commands;
using ModelCatalog.Sync;
using Spectre.Console;

namespace ModelCatalog.Cli.Output;

/// <summary>
/// A sync report for a person: the summary first (counts, aliases, rejections, a refused removal and its reason), the
/// changed models as a table of field, old → new and decision, rejections and aliases, and the summary again last, so
/// it is on screen whichever end of a long report one looks at.
/// </summary>
internal static class SyncReportView
{
    /// <summary>Rejections and aliases listed by name; <c>--json</c> lists them all.</summary>
    public const int ListedAtMost = 50;

    public static void Write(CliConsole console, SyncReport report, StoreLocation location, string? formatNote, Verbosity verbosity)
    {
        if (verbosity == Verbosity.Quiet)
        {
            // For scripts and logs: one line, never wrapped.
            console.Raw.WriteLine(string.Concat(Summary(report, location).Select(s => s.Text)).Replace('\n', ' '));
            return;
        }

        WriteSummary(console, report, location);
        if (formatNote is not null)
        {
            console.Line();
            console.Line(formatNote);
        }

        bool details = WriteChanges(console, report, verbosity == Verbosity.Verbose);
        details |= WriteList(console, $"Rejected ({report.Rejected}):", report.Rejections.Select(r => $"{r.Key ?? $"#{r.Index}"}: {r.Reason}"), report.Rejected);
        details |= WriteList(console, $"Aliases ({report.AliasCount}; one entry kept per model, not rejections):", report.Aliases.Select(a => $"{a.Key} → {a.Id} (kept '{a.KeptKey}')"), report.AliasCount);
        if (details)
        {
            console.Line();
            WriteSummary(console, report, location);
        }
    }

    private static void WriteSummary(CliConsole console, SyncReport report, StoreLocation location)
    {
        if (console.Plain)
        {
            console.Line(string.Concat(Summary(report, location).Select(s => s.Text)));
            return;
        }

        var paragraph = new Paragraph();
        foreach (var (text, style) in Summary(report, location))
        {
            paragraph.Append(text, style);
        }

        console.Out.Write(paragraph);
        console.Line();
    }

    /// <summary>The summary as styled pieces: one source for the coloured block and the <c>--quiet</c> line.</summary>
    private static IEnumerable<(string Text, Style? Style)> Summary(SyncReport report, StoreLocation location)
    {
        yield return (string.Create(CultureInfo.InvariantCulture, $"{(report.DryRun ? "Dry run of " : string.Empty)}{report.SourceName} {report.SourceVersion} into {location.Describe()} ({report.Mode}): "), null);
        var counts = new (int Count, string Label, Color Color)[]
        {
            (report.Created, "created", Color.Green),
            (report.Updated, "updated", Color.Yellow),
            (report.Unchanged, "unchanged", Color.Default),
            (report.Skipped, "skipped", Color.Default),
            (report.Rejected, "rejected", Color.Red),
            (report.AliasCount, "aliases", Color.Default),
            (report.MissingUpstream, "missing upstream", Color.Yellow),
            (report.Deactivated, "deactivated", Color.Yellow),
            (report.Removed, "removed", Color.Red),
        };
        for (int i = 0; i < counts.Length; i++)
        {
            var (count, label, color) = counts[i];
            string text = string.Create(CultureInfo.InvariantCulture, $"{count} {label}");
            yield return (text, count > 0 && color != Color.Default ? new Style(color) : (Style?)null);
            yield return (i < counts.Length - 1 ? ", " : string.Empty, null);
        }

        yield return (report.OwnedByOtherSource > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {report.OwnedByOtherSource} left to the source that owns them (--take-over to take them).")
            : ".", null);
        if (report.HeldForReview > 0)
        {
            yield return ("\n", null);
            yield return (string.Create(CultureInfo.InvariantCulture, $"{report.HeldForReview} price changes held for review: see them with 'modelcatalog review', decide with 'modelcatalog approve <id>' or 'reject <id>'."), new Style(Color.Yellow));
        }

        if (report.RemovalRefusedReason is { } refused)
        {
            yield return ("\n", null);
            yield return ($"Removal refused: {Sentence.End(refused)}", new Style(Color.Red, decoration: Decoration.Bold));
        }
    }

    private static bool WriteChanges(CliConsole console, SyncReport report, bool verbose)
    {
        var table = Tables.Create("model", "field", "old → new", "decision");
        foreach (var model in report.Models)
        {
            if (!verbose && model.Outcome is ModelSyncOutcome.Unchanged or ModelSyncOutcome.Skipped or ModelSyncOutcome.OwnedByOtherSource)
            {
                continue; // the summary counts them; --verbose lists them
            }

            var changes = model.Changes.Where(c => verbose || c.Decision != FieldDecision.KeptLocal).ToList();
            if (changes.Count == 0)
            {
                table.Add(model.Id.ToString(), null, null, Outcome(model.Outcome));
                continue;
            }

            for (int i = 0; i < changes.Count; i++)
            {
                var c = changes[i];
                string values = ChangeText.Values(c.Decision, ChangeText.Shorten(DisplayValue.Of(c.OldValue)), ChangeText.Shorten(DisplayValue.Of(c.NewValue)));
                table.Add(i == 0 ? model.Id.ToString() : null, Names.Snake(c.Field), values, ChangeText.Decision(c.Decision));
            }
        }

        if (table.Rows.Count == 0)
        {
            return false;
        }

        console.Line();
        console.Out.Write(table.Fit(console.Out, 3, 2, 3, 0));
        return true;
    }

    private static bool WriteList(CliConsole console, string heading, IEnumerable<string> lines, int count)
    {
        if (count == 0)
        {
            return false;
        }

        console.Line();
        console.Line(heading);
        foreach (string line in lines.Take(ListedAtMost))
        {
            console.Line($"  {line}");
        }

        if (count > ListedAtMost)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture, $"  … and {count - ListedAtMost} more (--json lists them all)."));
        }

        return true;
    }

    private static string Outcome(ModelSyncOutcome outcome) => outcome switch
    {
        ModelSyncOutcome.Created => "created",
        ModelSyncOutcome.Updated => "updated",
        ModelSyncOutcome.Unchanged => "unchanged",
        ModelSyncOutcome.Skipped => "skipped",
        ModelSyncOutcome.MissingUpstream => "missing upstream, kept",
        ModelSyncOutcome.Deactivated => "missing upstream, deactivated",
        ModelSyncOutcome.Removed => "missing upstream, removed",
        ModelSyncOutcome.OwnedByOtherSource => "left to its source",
        _ => Names.Snake(outcome),
    };
}
