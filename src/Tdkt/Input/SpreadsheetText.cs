namespace Tdkt.Input;

/// <summary>
/// Text cells of the CSV files the product writes (reports, plan exports), safe to open in a spreadsheet: a cell
/// that starts like a formula ("=HYPERLINK(…)", "+…", "-…", "@…", a tab or a carriage return) gets a leading
/// apostrophe, so Excel, LibreOffice and Google Sheets show it as text; reading such a file takes the apostrophe off.
/// </summary>
public static class SpreadsheetText
{
    private const char Escape = '\'';

    private static bool StartsLikeFormula(string text, int at) => text.Length > at && text[at] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string ForCell(string? text) => text is null ? "" : StartsLikeFormula(text, 0) ? Escape + text : text;

    public static string? FromCell(string? text) => text is not null && text.Length > 1 && text[0] == Escape && StartsLikeFormula(text, 1) ? text[1..] : text;
}
