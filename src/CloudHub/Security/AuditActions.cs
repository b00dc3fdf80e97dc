namespace EdgeCloud.CloudHub.Security;

/// <summary>Names an admin request's action for the audit log (<c>device.enroll</c>, <c>model.publish</c>, …).</summary>
internal static class AuditActions
{
    public static string Name(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == "inference.GRPCInferenceService")
        {
            return segments[1] switch
            {
                "RepositoryModelLoad" => "model.load",
                "RepositoryModelUnload" => "model.unload",
                _ => "rpc." + segments[1],
            };
        }

        if (segments.Length < 3 || segments[0] != "admin")
        {
            return $"{method} {path}";
        }

        var last = segments[^1];
        return (segments[2], method, segments.Length) switch
        {
            ("devices", "POST", 3) or ("devices", "POST", 4) when last is "devices" or "batch" => "device.enroll",
            ("devices", "POST", _) when last == "revoke" => "device.revoke",
            ("devices", "POST", _) when last == "commands" => "device.command",
            ("devices" or "groups", "PUT" or "PATCH", _) when last == "config" => "config.change",
            ("devices" or "groups", "PUT", _) when segments.Length >= 5 && segments[^2] == "models" => "model.assign",
            ("models", "PUT", _) => "model.upload",
            ("models", "POST", _) when last == "publish" => "model.publish",
            ("rollouts", "POST", 3) => "rollout.start",
            ("rollouts", "POST", _) when last == "abort" => "rollout.abort",
            ("keys", "POST", _) => "key.create",
            ("keys", "DELETE", _) => "key.revoke",
            _ => $"{method} {path}",
        };
    }
}
