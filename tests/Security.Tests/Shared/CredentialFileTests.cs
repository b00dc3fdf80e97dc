using EdgeCloud.Shared.Security;

namespace EdgeCloud.Security.Tests.Shared;

/// <summary>A credential file readable by others is refused with the fix; an owner-only file is read.</summary>
public sealed class CredentialFileTests
{
    [Fact]
    public void Read_Mode0644_IsRefusedWithTheChmodThatFixesIt_AndNoSecret()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "unix file modes");
        var path = Write("eck_0123456789ab_top-secret-value", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = Assert.Throws<InvalidOperationException>(() => CredentialFile.Read("Agent:Cloud:CredentialFile", path));

        Assert.Contains("0644", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Mode0600_ReturnsTheTrimmedSecret()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "unix file modes");
        var path = Write("eck_0123456789ab_top-secret-value\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal("eck_0123456789ab_top-secret-value", CredentialFile.Read("Agent:Cloud:CredentialFile", path));
    }

    private static string Write(string content, UnixFileMode mode)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("edgecloud-cred-").FullName, "credential");
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }
}
