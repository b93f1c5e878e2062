using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using ModelCatalog.Extensions.AI.Tests.Support;
using static ModelCatalog.Extensions.AI.Tests.Support.RoutingHost;

namespace ModelCatalog.Extensions.AI.Tests.Routing;

/// <summary>Calls on 8 threads while the catalog deactivates models between and during them.</summary>
public sealed class ConcurrencyTests
{
    private const int Models = 20;
    private const int Phases = 10;
    private const int CallsPerPhase = 1_000; // 10,000 calls in all

    [Fact]
    public async Task No_call_reaches_a_model_after_its_deactivation_became_visible()
    {
        await using var host = await StartAsync(Enumerable.Range(0, Models).Select(i => Model($"openai/m{i}")));
        var deactivated = new int[Models]; // set once the catalog's edit returned: from then on the deactivation is visible
        var mustBeRefused = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        var chat = host.Chat;

        for (int phase = 0; phase < Phases; phase++)
        {
            int victim = phase * 2; // one model per phase, deactivated while that phase's calls run
            var edit = Task.Run(async () =>
            {
                await host.DeactivateAsync($"openai/m{victim}");
                Volatile.Write(ref deactivated[victim], 1);
            });
            int first = phase * CallsPerPhase;
            Parallel.For(first, first + CallsPerPhase, new ParallelOptions { MaxDegreeOfParallelism = 8 }, call =>
            {
                int model = call % Models;
                string text = "call-" + call;
                bool visible = Volatile.Read(ref deactivated[model]) == 1;
                if (visible)
                {
                    mustBeRefused.Add(text);
                }

                try
                {
                    chat.GetResponseAsync(text, new ChatOptions { ModelId = $"openai/m{model}" }).GetAwaiter().GetResult();
                }
                catch (ModelRoutingException e) when (e.Reason == ModelRoutingFailure.Inactive)
                {
                    refused.Add(text);
                }
            });
            await edit;
        }

        var reached = host.OpenAI.Calls.Select(c => c.Text).ToHashSet();
        Assert.Equal(Phases * CallsPerPhase, reached.Count + refused.Count);
        Assert.NotEmpty(mustBeRefused); // later phases call models deactivated in earlier ones
        Assert.All(mustBeRefused, text => Assert.DoesNotContain(text, reached));
        Assert.All(mustBeRefused, text => Assert.Contains(text, refused));
        Assert.All(host.OpenAI.Calls, c => Assert.Matches("^m[0-9]+$", c.ModelId));
    }
}
