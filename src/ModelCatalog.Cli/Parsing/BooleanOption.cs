using System.CommandLine;

namespace ModelCatalog.Cli.Parsing;

/// <summary>
/// An option that takes an explicit <c>true</c> or <c>false</c> (<c>set --active false</c>). It is read as text:
/// System.CommandLine lets a <see cref="bool"/> option take the next word only when that word is a boolean, so
/// <c>--active maybe</c> would otherwise be reported as an unrecognised argument instead of as this option's error.
/// </summary>
internal static class BooleanOption
{
    public static Option<string> Create(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, Arity = ArgumentArity.ExactlyOne, HelpName = "true|false" };
        option.Validators.Add(result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!bool.TryParse(text, out _))
            {
                result.AddError($"{name} expects true or false, got '{text}'.");
            }
        });
        return option;
    }

    /// <summary>The option's value, or <see langword="null"/> when it was not given (the validator has checked the text).</summary>
    public static bool? Get(ParseResult parse, Option<string> option) => parse.GetValue(option) is { } text ? bool.Parse(text) : null;
}
