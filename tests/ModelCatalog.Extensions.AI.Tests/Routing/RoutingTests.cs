using Microsoft.Extensions.AI;
using ModelCatalog.Extensions.AI.Tests.Support;
using static ModelCatalog.Extensions.AI.Tests.Support.RoutingHost;

namespace ModelCatalog.Extensions.AI.Tests.Routing;

/// <summary>The router over fake provider clients that record what they receive.</summary>
public sealed class RoutingTests : IAsyncLifetime
{
    private RoutingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync([Model("openai/gpt-4o"), Model("openai/off"), Model("openrouter/meta-llama/llama-3.1-70b-instruct"), Model("anthropic/claude")]);
        await _host.DeactivateAsync("openai/off");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_call_reaches_the_models_provider_with_the_upstream_name_and_answers_with_the_unified_id()
    {
        var response = await _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openrouter/meta-llama/llama-3.1-70b-instruct" });

        Assert.Equal(("meta-llama/llama-3.1-70b-instruct", "hi", false), Assert.Single(_host.OpenRouter.Calls));
        Assert.Empty(_host.OpenAI.Calls);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", response.ModelId);
        Assert.Equal("openrouter got meta-llama/llama-3.1-70b-instruct", response.Text);
    }

    [Fact]
    public async Task A_streamed_call_reaches_the_provider_with_the_upstream_name_and_every_update_carries_the_unified_id()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _host.Chat.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4o" }))
        {
            updates.Add(update);
        }

        Assert.Equal(("gpt-4o", "hi", true), Assert.Single(_host.OpenAI.Calls));
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("openai/gpt-4o", u.ModelId));
        Assert.Equal("openai got gpt-4o", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task The_callers_options_are_not_changed()
    {
        var options = new ChatOptions { ModelId = "openai/gpt-4o", Temperature = 0.5f };

        await _host.Chat.GetResponseAsync("hi", options);

        Assert.Equal("openai/gpt-4o", options.ModelId);
    }

    public static TheoryData<string?, ModelRoutingFailure> Refused => new()
    {
        { "openai/nope", ModelRoutingFailure.Unknown },
        { "open-ai/gpt-4o", ModelRoutingFailure.InvalidId },
        { "gpt-4o", ModelRoutingFailure.InvalidId },
        { "openai/off", ModelRoutingFailure.Inactive },
        { "OpenAI/GPT-4o", ModelRoutingFailure.Unknown },
        { "anthropic/claude", ModelRoutingFailure.ProviderNotRegistered },
        { null, ModelRoutingFailure.NoModel },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_model_that_cannot_be_routed_fails_with_its_reason_and_never_reaches_a_provider(string? model, ModelRoutingFailure reason)
    {
        var plain = await Assert.ThrowsAsync<ModelRoutingException>(() => _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = model }));
        var streamed = await Assert.ThrowsAsync<ModelRoutingException>(async () =>
        {
            await foreach (var _ in _host.Chat.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = model }))
            {
            }
        });

        Assert.Equal(reason, plain.Reason);
        Assert.Equal(reason, streamed.Reason);
        Assert.Equal(model ?? string.Empty, plain.RequestedModel);
        Assert.Empty(_host.OpenAI.Calls);
        Assert.Empty(_host.OpenRouter.Calls);
    }

    [Fact]
    public async Task An_invalid_id_names_the_parse_error_and_position()
    {
        var e = await Assert.ThrowsAsync<ModelRoutingException>(() => _host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "open-ai/gpt-4o" }));

        Assert.Equal(UnifiedModelIdError.InvalidProviderCharacter, e.ParseError);
        Assert.Equal(4, e.ParseErrorPosition);
    }

    [Fact]
    public async Task A_model_deactivated_in_the_catalog_is_refused_by_the_next_call()
    {
        await _host.Chat.GetResponseAsync("before", new ChatOptions { ModelId = "openai/gpt-4o" });
        await _host.DeactivateAsync("openai/gpt-4o");

        var e = await Assert.ThrowsAsync<ModelRoutingException>(() => _host.Chat.GetResponseAsync("after", new ChatOptions { ModelId = "openai/gpt-4o" }));

        Assert.Equal(ModelRoutingFailure.Inactive, e.Reason);
        Assert.Equal("before", Assert.Single(_host.OpenAI.Calls).Text);
    }

    [Fact]
    public async Task Metadata_by_unified_id_reports_the_catalogs_provider_and_model()
    {
        await _host.Chat.GetResponseAsync("load", new ChatOptions { ModelId = "openai/gpt-4o" });

        var metadata = _host.Chat.GetService<ChatClientMetadata>("openrouter/meta-llama/llama-3.1-70b-instruct");

        Assert.NotNull(metadata);
        Assert.Equal("openrouter", metadata.ProviderName);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b-instruct", metadata.DefaultModelId);
        Assert.Equal(new Uri("http://127.0.0.1/openrouter"), metadata.ProviderUri);
        Assert.Null(_host.Chat.GetService<ChatClientMetadata>("openai/nope"));
    }
}

/// <summary>The options: default model, case-insensitive fallback, start-up validation.</summary>
public sealed class RoutingOptionsTests
{
    [Fact]
    public async Task A_call_without_a_model_uses_the_default_and_metadata_reports_it()
    {
        await using var host = await StartAsync([Model("openai/gpt-4o")], o => o.DefaultModelId = "openai/gpt-4o");

        var response = await host.Chat.GetResponseAsync("hi");
        var metadata = host.Chat.GetService<ChatClientMetadata>();

        Assert.Equal("gpt-4o", Assert.Single(host.OpenAI.Calls).ModelId);
        Assert.Equal("openai/gpt-4o", response.ModelId);
        Assert.Equal("openai", metadata?.ProviderName);
        Assert.Equal("openai/gpt-4o", metadata?.DefaultModelId);
    }

    [Fact]
    public async Task The_case_insensitive_fallback_sends_the_catalogs_upstream_name_and_answers_with_the_canonical_id()
    {
        await using var host = await StartAsync([Model("openai/gpt-4o")], o => o.CaseInsensitiveFallback = true);

        var response = await host.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "OpenAI/GPT-4o" });

        Assert.Equal("gpt-4o", Assert.Single(host.OpenAI.Calls).ModelId);
        Assert.Equal("openai/gpt-4o", response.ModelId);
    }

    [Fact]
    public async Task An_invalid_default_model_fails_at_start_up_naming_it()
    {
        await using var host = await StartAsync([], o => o.DefaultModelId = "not an id");

        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Chat);

        Assert.Contains("'not an id'", e.Message, StringComparison.Ordinal);
    }
}
