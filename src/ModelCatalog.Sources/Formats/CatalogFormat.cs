namespace ModelCatalog.Sources;

/// <summary>The catalog file formats <see cref="CatalogImporter"/> reads.</summary>
public enum CatalogFormat
{
    /// <summary>ModelCatalog's own file: <c>{"source","version","models":[{"id","display_name",...}]}</c>.</summary>
    ModelCatalog = 0,

    /// <summary>LiteLLM's <c>model_prices_and_context_window.json</c> (model key → record).</summary>
    LiteLlm = 1,

    /// <summary>OpenRouter's <c>/api/v1/models</c> response: a bare array or <c>{"data":[...]}</c>.</summary>
    OpenRouter = 2,

    /// <summary>The models.dev catalog: provider → <c>{..., "models": {model → record}}</c>.</summary>
    ModelsDev = 3,
}
