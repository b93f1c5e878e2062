namespace ModelCatalog.Cli.Parsing;

/// <summary>Finds the command or option a mistyped word most likely meant.</summary>
internal static class Typos
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/> by edit distance (a swap of two neighbours counts as one edit),
    /// if it is near enough to be a typo: one edit for short words, two from six characters on; a prefix of three letters or more counts as the nearest.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            int distance = candidate.StartsWith(word, StringComparison.Ordinal) && word.TrimStart('-').Length >= 3 ? 0 : Distance(word, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        int allowed = word.Length >= 6 ? 2 : 1;
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
