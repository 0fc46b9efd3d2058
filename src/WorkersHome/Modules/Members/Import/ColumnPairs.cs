using WorkersHome.Platform.Errors;

namespace WorkersHome.Modules.Members.Import;

/// <summary>Column choices given as text pairs (map=所属工会:基层工会代码): either side may be the template's field.</summary>
public static class ColumnPairs
{
    public static Dictionary<string, string>? Parse(string[]? pairs)
    {
        if (pairs is null || pairs.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        foreach (var pair in pairs)
        {
            var text = Register.InputText.Clean(pair) ?? "";
            var colon = text.IndexOf(':');
            var (left, right) = colon > 0 ? (text[..colon].Trim(), text[(colon + 1)..].Trim()) : ("", "");
            if (left.Length > 0 && MemberTemplate.Headers.Contains(right))
            {
                map[right] = left;
            }
            else if (MemberTemplate.Headers.Contains(left) && right.Length > 0)
            {
                map[left] = right;
            }
            else
            {
                errors.Add("map", $"列对应“{pair}”应写作 文件列:模板列（如 所属工会:基层工会代码）",
                    $"Column choice '{pair}' should read file column:template field (e.g. 所属工会:基层工会代码)");
            }
        }

        errors.ThrowIfAny();
        return map;
    }
}