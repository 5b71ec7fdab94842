
namespace Tdkt.Calendar;

/// <summary>Where a year of the working calendar comes from.</summary>
public enum CalendarSource
{
    /// <summary>Announced by an administrator after the deployment (<c>tdkt calendar set</c>).</summary>
    Stored,

    /// <summary>Announced in part by an administrator; the statutory holidays fill in the rest.</summary>
    StoredPartial,

    /// <summary>The data built into the product.</summary>
    BuiltIn,

    /// <summary>Built in, in part; the statutory holidays fill in the rest.</summary>
    BuiltInPartial,

    /// <summary>Not announced: the statutory holidays of the Labour Code.</summary>
    Statutory,
}
