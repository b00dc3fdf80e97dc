namespace EdgeCloud.Shared.Security;

/// <summary>Which role a request path needs: null for anonymous. Unknown paths must need a role (deny by default).</summary>
public interface IAccessPolicy
{
    string? RequiredRole(string method, string path);
}
