using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCloud.Shared.Hosting;

/// <summary>Runs a host; a bad configuration stops it with one message naming each bad key, not a stack trace.</summary>
public static class HostRunner
{
    public static int Run(Func<IHost> build)
    {
        try
        {
            using var host = build();
            host.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine("Configuration is invalid:");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  - {failure}");
            }

            return 2;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"Cannot listen: {ex.Message}");
            return 3;
        }
    }
}
