
namespace Tdkt.Plans.Import;

public enum PlanFormat
{
    PublishedText,
    Docx,
    Yaml,
    Json,
    Csv,
    Pdf,
    Xlsx,
}
