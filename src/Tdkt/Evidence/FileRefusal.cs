
namespace Tdkt.Evidence;

/// <summary>Why a file is not taken, in words for the agency's page.</summary>
public enum FileRefusal
{
    Empty,
    TooLarge,

    /// <summary>A program or script (Windows, Linux, macOS executables, shell scripts), whatever its name says.</summary>
    Program,

    /// <summary>Not a PDF, Word (.docx), Excel (.xlsx) or PNG/JPEG image by its content.</summary>
    UnknownType,

    /// <summary>A Word or Excel file with macros (vbaProject.bin), which can run code when opened.</summary>
    Macros,

    /// <summary>A .docx/.xlsx whose parts expand far beyond its size (a "zip bomb"), or a damaged archive.</summary>
    Expands,

    /// <summary>
    /// Something that runs or reaches out when opened: a PDF with JavaScript, a launch action or an embedded file, a
    /// PDF that is also an archive; a .docx/.xlsx with an OLE or ActiveX part or pointing at a template elsewhere.
    /// </summary>
    ActiveContent,
}
