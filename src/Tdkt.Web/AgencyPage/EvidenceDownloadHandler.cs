using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tdkt.Assignments;
using Tdkt.Evidence;
using Tdkt.Links;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// <c>GET|HEAD /api/f/{token}</c>: one attached file, behind a download token valid for an hour after the page that
/// listed it. Always a download (<c>Content-Disposition: attachment</c>), never sniffed, framed, cached or run as a page:
/// <c>nosniff</c> and a sandboxing CSP, whatever the file holds. A file removed meanwhile answers 404.
/// </summary>
public sealed class EvidenceDownloadHandler(LinkTokens tokens, LinkGate gate, EvidenceStore store)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (check, plan, assignment, fileId) = tokens.VerifyDownload(token);
        if (check != LinkCheck.Valid)
        {
            return await gate.RefuseAsync(request, check, cancellationToken, LinkProblem.DownloadExpired);
        }
        if (AssignmentKey.TryParse(assignment) is not { } key || await store.OpenAsync(plan!, key, fileId!, cancellationToken) is not var (file, content))
        {
            return gate.Page(StatusCodes.Status404NotFound, LinkProblem.FileGone);
        }
        return new FileDownload(file, content);
    }

    private sealed class FileDownload(EvidenceFile file, Stream content) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await using var body = content;
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = EvidenceKinds.ContentType(file.Kind);
            response.ContentLength = file.Bytes;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = SafeFileName.Ascii(file.Name),
                FileNameStar = file.Name,
            }.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            response.Headers.CacheControl = "private, no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!HttpMethods.IsHead(httpContext.Request.Method))
            {
                await body.CopyToAsync(response.Body, httpContext.RequestAborted);
            }
        }
    }
}
