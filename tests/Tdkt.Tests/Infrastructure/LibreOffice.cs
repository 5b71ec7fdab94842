using System.Diagnostics;

namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// Opens a generated document as a person would: LibreOffice converts it to PDF (headless, with a profile of its own
/// so tests can run side by side), and poppler's pdftotext and pdftoppm read the PDF's text and draw its pages.
/// test.sh installs both when they are missing.
/// </summary>
public static class LibreOffice
{
    /// <summary>The PDF LibreOffice makes of <paramref name="document"/> (written to a fresh folder).</summary>
    public static async Task<string> ToPdfAsync(byte[] document, string name)
    {
        var folder = Directory.CreateTempSubdirectory("tdkt-lo-").FullName;
        var input = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(input, document);
        var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
        await RunAsync("soffice", $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, input);
        var pdf = Path.ChangeExtension(input, ".pdf");
        return File.Exists(pdf) ? pdf : throw new InvalidOperationException($"LibreOffice made no PDF of {name}");
    }

    /// <summary>The PDF's text, page by page (form feeds between pages), in reading order.</summary>
    public static async Task<string> TextAsync(string pdf) => await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");

    /// <summary>What pdfinfo says of the PDF: pages, page size ("… pts (A4)"), producer.</summary>
    public static Task<string> InfoAsync(string pdf) => RunAsync("pdfinfo", pdf);

    /// <summary>Each page drawn as PNG at <paramref name="dpi"/>, written as <paramref name="prefix"/>-1.png, -2.png, …</summary>
    public static Task RenderAsync(string pdf, string prefix, int dpi = 80) => RunAsync("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
    }
}
