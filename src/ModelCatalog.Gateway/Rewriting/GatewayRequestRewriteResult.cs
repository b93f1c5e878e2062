using System.Diagnostics.CodeAnalysis;

namespace ModelCatalog.Gateway;

/// <summary>The outcome of <see cref="GatewayRequestRewriter"/>: the resolved model and a rewritten body, or the error to answer with.</summary>
public sealed class GatewayRequestRewriteResult
{
    private GatewayRequestRewriteResult(ModelResolution? resolution, ModelRewriteError rewriteError, long position)
    {
        Resolution = resolution;
        RewriteError = rewriteError;
        Position = position;
    }

    /// <summary>Whether the body was accepted, the model resolved and the rewritten body written.</summary>
    [MemberNotNullWhen(true, nameof(Resolution), nameof(Model))]
    public bool IsSuccess => RewriteError == ModelRewriteError.None && Resolution is { IsResolved: true };

    /// <summary>The resolution, or <see langword="null"/> when the body was rejected before the model was read.</summary>
    public ModelResolution? Resolution { get; }

    /// <summary>The resolved model, or <see langword="null"/>.</summary>
    public GatewayModel? Model => Resolution?.Model is { IsActive: true } model ? model : null;

    /// <summary>Why the body was rejected, or <see cref="ModelRewriteError.None"/>.</summary>
    public ModelRewriteError RewriteError { get; }

    /// <summary>The byte offset of the body problem when rejected.</summary>
    public long Position { get; }

    /// <summary>The protocol error to answer with, or <see langword="null"/> on success.</summary>
    public GatewayError? Error => RewriteError != ModelRewriteError.None ? GatewayError.InvalidBody(RewriteError, Position) : Resolution?.Error;

    internal static GatewayRequestRewriteResult Rejected(ModelRewriteError error, long position) => new(null, error, position);

    internal static GatewayRequestRewriteResult Resolved(ModelResolution resolution) => new(resolution, ModelRewriteError.None, 0);
}
