using Spectre.Console;

namespace ModelCatalog.Cli.Output;

/// <summary>
/// The tool's one table style: compact, bold headers, as wide as its content and never wider than the console —
/// Spectre.Console wraps cells to fit (a long ID or JSON value breaks inside its column instead of widening it).
/// </summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Minimal).BorderColor(Color.Grey);
        foreach (string header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of literal text; missing trailing cells are empty.</summary>
    public static void Add(this Table table, params string?[] cells)
        => table.AddRow([.. cells.Select(c => new Text(c ?? string.Empty)), .. Enumerable.Repeat(Text.Empty, table.Columns.Count - cells.Length)]);

    /// <summary>
    /// Lays the columns out for the console's width. When the natural widths fit, nothing changes. Otherwise short
    /// columns keep their width and the long ones share what is left in proportion to their weight (a model ID weighs
    /// more than prose, which wraps well), so no column is squeezed to a few letters while another keeps slack.
    /// </summary>
    /// <param name="table">The filled table.</param>
    /// <param name="console">The console it is written to.</param>
    /// <param name="weights">One weight per column; 0 keeps the column whole (a decision, a date).</param>
    public static Table Fit(this Table table, IAnsiConsole console, params int[] weights)
    {
        int columns = table.Columns.Count;
        var natural = NaturalWidths(table, console);
        int budget = Budget(table, console);
        if (natural.Sum() <= budget)
        {
            return table;
        }

        var width = new int[columns];
        var open = new List<int>();
        for (int c = 0; c < columns; c++)
        {
            if (weights[c] == 0)
            {
                width[c] = natural[c];
                budget -= natural[c];
                table.Columns[c].NoWrap();
            }
            else
            {
                open.Add(c);
            }
        }

        // Water-filling: a column that needs less than its share takes only what it needs; the rest is shared again.
        while (open.Count > 0)
        {
            int weight = open.Sum(c => weights[c]);
            int satisfied = open.FindIndex(c => natural[c] <= budget * weights[c] / weight);
            if (satisfied < 0)
            {
                int left = budget;
                foreach (int c in open)
                {
                    width[c] = Math.Max(4, budget * weights[c] / weight);
                    left -= width[c];
                }

                width[open[^1]] += Math.Max(0, left); // what integer division left over

                break;
            }

            int column = open[satisfied];
            width[column] = natural[column];
            budget -= natural[column];
            open.RemoveAt(satisfied);
        }

        for (int c = 0; c < columns; c++)
        {
            table.Columns[c].Width(width[c]);
        }

        return table;
    }

    /// <summary>Whether every cell fits on one line of its column at the console's width.</summary>
    public static bool FitsWithin(this Table table, IAnsiConsole console) => NaturalWidths(table, console).Sum() <= Budget(table, console);

    private static int Budget(Table table, IAnsiConsole console) => console.Profile.Width - (3 * table.Columns.Count) - 1; // each column's padding and separator

    private static int[] NaturalWidths(Table table, IAnsiConsole console)
    {
        var natural = new int[table.Columns.Count];
        for (int c = 0; c < natural.Length; c++)
        {
            natural[c] = Math.Max(Cells(console, table.Columns[c].Header), table.Rows.Select(r => Cells(console, r[c])).DefaultIfEmpty(0).Max());
        }

        return natural;
    }

    // Terminal cells, not characters: a CJK description takes two cells a character; a two-line cell its longer line.
    private static int Cells(IAnsiConsole console, Spectre.Console.Rendering.IRenderable cell)
        => cell.Measure(Spectre.Console.Rendering.RenderOptions.Create(console), int.MaxValue).Max;
}
