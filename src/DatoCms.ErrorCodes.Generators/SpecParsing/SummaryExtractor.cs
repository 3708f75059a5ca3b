namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>Takes the first sentence of a description as its short summary.</summary>
internal static class SummaryExtractor
{
    private static readonly string[] Abbreviations = { "e.g", "i.e", "etc", "vs", "cf" };

    public static string FirstSentence(string description)
    {
        for (var i = 0; i < description.Length; i++)
        {
            var c = description[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var next = i + 1;
            while (next < description.Length && description[next] is '"' or '\u201D' or '\'' or '\u2019' or ')')
            {
                next++;
            }

            if (next >= description.Length)
            {
                return description;
            }

            if (description[next] != ' ' || next + 1 >= description.Length || EndsWithAbbreviation(description, i))
            {
                continue;
            }

            var following = description[next + 1];
            if (char.IsUpper(following) || char.IsDigit(following) || following is '`' or '"' or '\u201C' or '(' or '[')
            {
                return description.Substring(0, next);
            }
        }

        return description;
    }

    private static bool EndsWithAbbreviation(string text, int dot)
    {
        foreach (var abbreviation in Abbreviations)
        {
            var start = dot - abbreviation.Length;
            if (start >= 0
                && string.CompareOrdinal(text, start, abbreviation, 0, abbreviation.Length) == 0
                && (start == 0 || !char.IsLetter(text[start - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
