namespace ModelCatalog.Sync;

/// <summary>
/// A complete set of official models from one source at one moment. Entries the source could not turn into a model
/// (a bad ID, a malformed record) travel as <see cref="Rejections"/>, so the sync report names them.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="SourceName">The source's name.</param>
/// <param name="Version">The source's version label (a date, a commit, an ETag), or <see langword="null"/>.</param>
/// <param name="FetchedAt">When the data was fetched.</param>
/// <param name="Models">The official models, in source order.</param>
public sealed record ModelSnapshot<TModel>(string SourceName, string? Version, DateTimeOffset FetchedAt, IReadOnlyList<TModel> Models)
    where TModel : class
{
    /// <summary>Entries of the source that were rejected before they became models.</summary>
    public IReadOnlyList<SyncRejection> Rejections { get; init; } = [];

    /// <summary>Entries of the source that name a model another entry already names; one entry of each is in <see cref="Models"/>.</summary>
    public IReadOnlyList<SyncAlias> Aliases { get; init; } = [];

    /// <summary>
    /// <see langword="true"/> when the source reports that nothing changed since the snapshot it served last (an HTTP
    /// <c>304 Not Modified</c>): <see cref="Models"/> is empty, <see cref="Version"/> is the version served last, and the sync reads and writes nothing.
    /// </summary>
    public bool NotModified { get; init; }
}
