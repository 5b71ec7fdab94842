using Microsoft.AspNetCore.Http;
using Tdkt.Completion;

namespace Tdkt.Web.AgencyPage;

/// <summary>A posted form of the agency page, checked: its link, its task, its size and type, and its anti-forgery value.</summary>
public sealed record TaskForm(string Agency, TaskRef Task, IFormCollection Fields);
