using System.Text;

namespace ModelCatalog.Benchmarks.Gateway;

/// <summary>Realistic chat request bodies and SSE streams of a given size.</summary>
public static class ChatBodies
{
    /// <summary>An OpenAI chat completions body of about <paramref name="size"/> bytes: many messages, escapes, non-ASCII, tools.</summary>
    public static byte[] Request(int size)
    {
        var text = new StringBuilder(size + 1024);
        text.Append("{\n  \"model\": \"openai/gpt-4o\",\n  \"temperature\": 0.7,\n  \"stream\": false,\n  \"tools\": [{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}],\n  \"messages\": [\n    {\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}");
        var turn = 0;
        while (text.Length < size - 200)
        {
            var role = turn % 2 == 0 ? "user" : "assistant";
            text.Append(",\n    {\"role\": \"").Append(role).Append("\", \"content\": \"");
            text.Append("Turn ").Append(turn).Append(": Explain the \\\"model\\\" field — résumé, naïve, 日本語, emoji 😀. ");
            text.Append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\\nUt enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.");
            text.Append("\", \"metadata\": {\"model\": \"nested/keep\", \"score\": 1.25e-3}}");
            turn++;
        }

        text.Append("\n  ],\n  \"max_tokens\": 1024\n}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// An OpenAI chat completions body of about <paramref name="size"/> bytes whose message texts are <paramref name="kind"/>,
    /// with few escapes: what a chat in any language sends.
    /// </summary>
    public static byte[] Request(int size, BodyText kind)
    {
        var sentence = kind == BodyText.Ascii
            ? "The quick brown fox jumps over the lazy dog while the model writes a long answer about gateways. "
            : "Быстрая бурая лиса прыгает через ленивую собаку. Η γρήγορη καφέ αλεπού. 敏捷的棕色狐狸跳过了懒狗。素早い茶色の狐がのろまな犬を飛び越える。😀🦊 ";
        var text = new StringBuilder(size + 1024);
        text.Append("{\"model\":\"openai/gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}");
        var turn = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < size - 2_000)
        {
            text.Append(",{\"role\":\"").Append(turn % 2 == 0 ? "user" : "assistant").Append("\",\"content\":\"");
            for (var i = 0; i < 20; i++)
            {
                text.Append(sentence);
            }

            text.Append("\"}");
            turn++;
        }

        text.Append("],\"max_tokens\":1024}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>An OpenAI chat completion stream with <paramref name="chunks"/> chunks and a final <c>[DONE]</c>.</summary>
    public static byte[] Stream(int chunks)
    {
        var text = new StringBuilder(chunks * 260);
        for (var i = 0; i < chunks; i++)
        {
            text.Append("data: {\"id\":\"chatcmpl-9aBcD\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token ")
                .Append(i).Append(" é\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }

        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
