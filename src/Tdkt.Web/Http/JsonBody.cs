using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tdkt.Web.Http;

/// <summary>The small JSON body of an admin route (at most <see cref="MaxBytes"/>, also when sent chunked), or the problem that says what is wrong with it.</summary>
public static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    /// <summary>The body as <typeparamref name="T"/>; <paramref name="shape"/> (what is expected, e.g. {"reason": "…"}) is shown in every problem.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, string shape, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, $"Nội dung yêu cầu quá lớn (tối đa 16 KB): cần {shape}.");
        if (request.ContentLength is > MaxBytes)
        {
            return (null, tooLarge);
        }
        if (await BoundedBody.ReadAsync(request.Body, MaxBytes, cancellationToken) is not { } bytes)
        {
            return (null, tooLarge);
        }
        try
        {
            return bytes.Length > 0 && JsonSerializer.Deserialize<T>(bytes, JsonSerializerOptions.Web) is { } body
                ? (body, null)
                : (null, ApiProblems.BadRequest($"Thiếu nội dung yêu cầu: cần {shape}."));
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest($"Nội dung yêu cầu không phải JSON hợp lệ (dòng {ex.LineNumber + 1}): cần {shape}."));
        }
    }
}
