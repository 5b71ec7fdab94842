
namespace Tdkt.Administration;

public static class AdminRoles
{
    public static AdminRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "admin" => AdminRole.Admin,
        "viewer" => AdminRole.Viewer,
        _ => null,
    };

    public static string Slug(AdminRole role) => role == AdminRole.Admin ? "admin" : "viewer";

    public static string Label(AdminRole role) => role == AdminRole.Admin ? "Quản trị" : "Chỉ xem";
}
