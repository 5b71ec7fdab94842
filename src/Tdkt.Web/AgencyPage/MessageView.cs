
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>A confirmation or warning at the top of the page after a form was posted. Kind: ok, info or warn.</summary>
[PageModel]
public sealed record MessageView(string Kind, string Text);
