

namespace Tdkt.Web.AgencyPage;

/// <summary>An agency's calendar as served: the iCalendar text, its ETag (of the bytes) and when it last changed.</summary>
public sealed record CalendarFeed(byte[] Content, string ETag, DateTimeOffset LastModified);
