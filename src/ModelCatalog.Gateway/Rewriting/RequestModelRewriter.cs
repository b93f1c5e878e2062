using System.Buffers;
using System.Text.Json;

namespace ModelCatalog.Gateway;

/// <summary>
/// Smart Passthrough for request bodies: replaces the value of the top-level <c>model</c> member of a UTF-8 JSON body
/// and copies every other byte unchanged (white space, member order, unknown members, number spellings, escapes).
/// </summary>
/// <remarks>
/// <para>The body is read once by an allocation-free validating scanner that accepts what <see cref="Utf8JsonReader"/> accepts, without building a DOM. It is rejected, never
/// guessed, when it is not well-formed UTF-8 or JSON, is not an object, nests deeper than
/// <see cref="ModelRewriteOptions.MaxDepth"/>, has no top-level <c>model</c>, has a <c>model</c> that is not a
/// string, or has two top-level members that unescape to <c>model</c> (another parser could read either one).
/// <c>model</c> members of nested objects (messages, tools, metadata) are never looked at.</para>
/// <para>Two steps serve a gateway that must resolve the model first: <see cref="TryLocate(ReadOnlySpan{byte}, out ModelFieldLocation, out ModelRewriteError, out long, ModelRewriteOptions?)"/>
/// reads the value, <see cref="Write(ReadOnlySpan{byte}, in ModelFieldLocation, JsonEncodedText, IBufferWriter{byte})"/>
/// writes the body with the new value. <see cref="GatewayRequestRewriter"/> does both around a <see cref="ModelResolver"/>.</para>
/// </remarks>
public static class RequestModelRewriter
{
    /// <summary>Finds the top-level <c>model</c> string of a request body and reads its value.</summary>
    /// <param name="json">The UTF-8 body.</param>
    /// <param name="location">Where the value is, and its unescaped text.</param>
    /// <param name="error">Why the body was rejected, or <see cref="ModelRewriteError.None"/>.</param>
    /// <param name="position">The byte offset of the problem when rejected.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="ModelRewriteOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when the body is accepted.</returns>
    public static bool TryLocate(ReadOnlySpan<byte> json, out ModelFieldLocation location, out ModelRewriteError error, out long position, ModelRewriteOptions? options = null)
    {
        error = ModelLocator.LocateRequest(json, options ?? ModelRewriteOptions.Default, out location, out position);
        return error == ModelRewriteError.None;
    }

    /// <summary>Finds the top-level <c>model</c> string of a request body held in a sequence (a pipe's buffer).</summary>
    /// <param name="json">The UTF-8 body.</param>
    /// <param name="location">Where the value is, and its unescaped text.</param>
    /// <param name="error">Why the body was rejected, or <see cref="ModelRewriteError.None"/>.</param>
    /// <param name="position">The byte offset of the problem when rejected.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="ModelRewriteOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when the body is accepted.</returns>
    public static bool TryLocate(in ReadOnlySequence<byte> json, out ModelFieldLocation location, out ModelRewriteError error, out long position, ModelRewriteOptions? options = null)
    {
        error = ModelLocator.LocateRequest(json, options ?? ModelRewriteOptions.Default, out location, out position);
        return error == ModelRewriteError.None;
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="output"/> with the located value replaced by <paramref name="model"/>.</summary>
    /// <param name="json">The body <paramref name="location"/> was found in.</param>
    /// <param name="location">The result of <c>TryLocate</c> on the same body.</param>
    /// <param name="model">The new value, already JSON-escaped (see <see cref="EncodeModel"/>).</param>
    /// <param name="output">Receives the rewritten body.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> does not lie in <paramref name="json"/>.</exception>
    public static void Write(ReadOnlySpan<byte> json, in ModelFieldLocation location, JsonEncodedText model, IBufferWriter<byte> output)
        => ModelBodyWriter.Write(json, location, model, output);

    /// <summary>Writes <paramref name="json"/> to <paramref name="output"/> with the located value replaced by <paramref name="model"/>.</summary>
    /// <param name="json">The body <paramref name="location"/> was found in.</param>
    /// <param name="location">The result of <c>TryLocate</c> on the same body.</param>
    /// <param name="model">The new value, already JSON-escaped (see <see cref="EncodeModel"/>).</param>
    /// <param name="output">Receives the rewritten body.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> does not lie in <paramref name="json"/>.</exception>
    public static void Write(in ReadOnlySequence<byte> json, in ModelFieldLocation location, JsonEncodedText model, IBufferWriter<byte> output)
        => ModelBodyWriter.Write(json, location, model, output);

    /// <summary>Checks a request body and writes it with the top-level <c>model</c> value replaced; nothing is written on rejection.</summary>
    /// <param name="json">The UTF-8 body.</param>
    /// <param name="model">The new value, already JSON-escaped (see <see cref="EncodeModel"/>).</param>
    /// <param name="output">Receives the rewritten body.</param>
    /// <param name="error">Why the body was rejected, or <see cref="ModelRewriteError.None"/>.</param>
    /// <param name="position">The byte offset of the problem when rejected.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="ModelRewriteOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when the body was rewritten.</returns>
    public static bool TryRewrite(ReadOnlySpan<byte> json, JsonEncodedText model, IBufferWriter<byte> output, out ModelRewriteError error, out long position, ModelRewriteOptions? options = null)
    {
        if (!TryLocate(json, out var location, out error, out position, options))
        {
            return false;
        }

        ModelBodyWriter.Write(json, location, model, output);
        return true;
    }

    /// <summary>Checks a request body held in a sequence and writes it with the top-level <c>model</c> value replaced.</summary>
    /// <param name="json">The UTF-8 body.</param>
    /// <param name="model">The new value, already JSON-escaped (see <see cref="EncodeModel"/>).</param>
    /// <param name="output">Receives the rewritten body.</param>
    /// <param name="error">Why the body was rejected, or <see cref="ModelRewriteError.None"/>.</param>
    /// <param name="position">The byte offset of the problem when rejected.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="ModelRewriteOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when the body was rewritten.</returns>
    public static bool TryRewrite(in ReadOnlySequence<byte> json, JsonEncodedText model, IBufferWriter<byte> output, out ModelRewriteError error, out long position, ModelRewriteOptions? options = null)
    {
        if (!TryLocate(json, out var location, out error, out position, options))
        {
            return false;
        }

        ModelBodyWriter.Write(json, location, model, output);
        return true;
    }

    /// <summary>
    /// JSON-escapes a model name the way the rewriters write it, with
    /// <see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>: <c>"</c>, <c>\</c>, control
    /// characters, characters outside the Basic Multilingual Plane, line and paragraph separators, private-use and
    /// unassigned code points are escaped; accented and CJK letters stay readable UTF-8. Cache the result for names used often.
    /// </summary>
    /// <param name="model">The model name.</param>
    /// <returns>The escaped UTF-8 text.</returns>
    public static JsonEncodedText EncodeModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return GatewayModel.Encode(model);
    }
}
