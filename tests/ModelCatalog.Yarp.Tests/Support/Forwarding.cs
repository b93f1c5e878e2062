using System.Text;

namespace ModelCatalog.Yarp.Tests.Support;

public static class Forwarding
{
    /// <summary>The upstream received exactly the client's bytes with the model value replaced, and nothing else changed.</summary>
    public static void AssertOnlyTheModelChanged(byte[] client, RecordedRequest upstream, string unified, string upstreamName)
    {
        var sent = Encoding.UTF8.GetString(client);
        var pattern = $"\"model\":\"{unified}\"";
        Assert.Equal(1, CountOf(sent, pattern));
        Assert.Equal(sent.Replace(pattern, $"\"model\":\"{upstreamName}\"", StringComparison.Ordinal), Encoding.UTF8.GetString(upstream.Body));
        Assert.Equal(upstream.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), upstream.Headers.GetValueOrDefault("Content-Length"));
    }

    private static int CountOf(string text, string pattern)
    {
        var count = 0;
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
