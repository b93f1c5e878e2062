namespace ModelCatalog.Sync;

/// <summary>
/// An upstream entry that names a model another entry of the same source already names (LiteLLM lists
/// <c>deepseek-chat</c> and <c>deepseek/deepseek-chat</c>, both <c>deepseek/deepseek-chat</c>). Aliases are data, not
/// errors: one entry is kept, deterministically, and the alias is reported apart from rejections.
/// </summary>
/// <param name="Id">The unified ID both entries map to.</param>
/// <param name="Key">The alias's upstream key (the entry not applied).</param>
/// <param name="KeptKey">The upstream key of the entry that was applied.</param>
public sealed record SyncAlias(UnifiedModelId Id, string Key, string KeptKey);
