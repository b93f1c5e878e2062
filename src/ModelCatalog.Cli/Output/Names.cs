using System.Text;

namespace ModelCatalog.Cli.Output;

/// <summary>The snake_case spellings the tool's files and JSON output use (as the original system did).</summary>
internal static class Names
{
    public static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum => Snake(value.ToString());
}
