using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// Writes the unified ID the client asked for back into a non-streamed upstream response: the top-level <c>model</c>
/// of OpenAI chat completions and responses and of Anthropic messages (or <c>message.model</c>, as in an Anthropic
/// <c>message_start</c> event). Every other byte is copied unchanged.
/// </summary>
/// <remarks>
/// A response the rewriter cannot read with certainty (not JSON, no model, a model that is not a string, two model
/// members) is copied through unchanged: an upstream error body is never broken. The return value says which.
/// </remarks>
public static class ResponseModelRewriter
{
    /// <summary>Writes <paramref name="json"/> to <paramref name="output"/> with its model replaced by <paramref name="model"/>.</summary>
    /// <param name="json">The upstream response body.</param>
    /// <param name="model">The client's unified ID, already JSON-escaped (see <see cref="RequestModelRewriter.EncodeModel"/>).</param>
    /// <param name="output">Receives the body.</param>
    /// <returns><see langword="true"/> when the model was replaced; <see langword="false"/> when the body was copied unchanged.</returns>
    public static bool Rewrite(ReadOnlySpan<byte> json, JsonEncodedText model, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ModelLocator.LocateResponse(json, out var location))
        {
            ModelBodyWriter.Write(json, location, model, output);
            return true;
        }

        output.Write(json);
        return false;
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="output"/> with its model replaced by <paramref name="model"/>.</summary>
    /// <param name="json">The upstream response body.</param>
    /// <param name="model">The client's unified ID, already JSON-escaped (see <see cref="RequestModelRewriter.EncodeModel"/>).</param>
    /// <param name="output">Receives the body.</param>
    /// <returns><see langword="true"/> when the model was replaced; <see langword="false"/> when the body was copied unchanged.</returns>
    public static bool Rewrite(in ReadOnlySequence<byte> json, JsonEncodedText model, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ModelLocator.LocateResponse(json, out var location))
        {
            ModelBodyWriter.Write(json, location, model, output);
            return true;
        }

        ModelBodyWriter.Copy(json, output);
        return false;
    }
}
