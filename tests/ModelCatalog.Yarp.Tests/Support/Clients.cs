using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using OpenAI;

namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>The official SDKs, configured as a user of the gateway would: its address as the base URL, any key.</summary>
public static class Clients
{
    public static OpenAIClient OpenAI(Uri gateway, RecordingHandler wire)
        => new(new ApiKeyCredential("sk-test"), new OpenAIClientOptions
        {
            Endpoint = new Uri(gateway, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(wire) { Timeout = TimeSpan.FromSeconds(30) }),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

    public static AnthropicClient Anthropic(Uri gateway, RecordingHandler wire)
        => new(new ClientOptions
        {
            ApiKey = "sk-ant-test",
            BaseUrl = gateway.ToString().TrimEnd('/'),
            HttpClient = new HttpClient(wire),
            ResponseValidation = true,
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(30),
        });
}
