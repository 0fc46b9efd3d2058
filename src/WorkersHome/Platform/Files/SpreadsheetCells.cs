namespace WorkersHome.Platform.Files;

/// <summary>
/// Guards every text cell the product writes into a CSV (or a sheet a spreadsheet program will open):
/// a cell that starts with = + - @ tab or carriage return is read by Excel and WPS as a formula, so a
/// member named "=HYPERLINK(...)" would become a live link or command in a cadre's spreadsheet
/// (OWASP, CSV injection). Such a cell is prefixed with a single quote, which spreadsheets show as text.
/// </summary>
public static class SpreadsheetCells
{
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>True when a cell would have been guarded, so that a re-imported export can strip the quote again.</summary>
    public static bool WasGuarded(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r';
}