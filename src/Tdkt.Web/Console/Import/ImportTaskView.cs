using Tdkt.Pages;

namespace Tdkt.Web.Console.Import;

[PageModel]
public sealed record ImportTaskView(string Number, string Quarter, string Due, string Phrase, string Lead, string Supporting, string Content);
