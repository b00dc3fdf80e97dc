using EdgeCloud.TestUtilities;
using Microsoft.Extensions.Options;
using Xunit;

namespace EdgeCloud.EdgeAgent.Tests;

public sealed class AgentOptionsValidatorTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.200")]
    [InlineData("00:00:01.999")]
    public void Validate_HedgeAfterOffOrUnderTheAttemptTimeout_Succeeds(string hedgeAfter)
    {
        var result = Validate(hedgeAfter, attemptTimeout: "00:00:02");

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:02", "got 00:00:02")]
    [InlineData("00:00:05", "got 00:00:05")]
    [InlineData("-00:00:00.100", "got -00:00:00.1000000")]
    public void Validate_HedgeAfterNegativeOrNotUnderTheAttemptTimeout_FailsNamingTheKey(string hedgeAfter, string got)
    {
        var result = Validate(hedgeAfter, attemptTimeout: "00:00:02");

        Assert.True(result.Failed);
        Assert.Contains("Agent:Cloud:HedgeAfter: expected 00:00:00 (hedging off) or a time shorter than Agent:Cloud:AttemptTimeout (00:00:02)", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(got, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HedgeQuantileWithAFloorAboveTheCeiling_FailsNamingTheKey()
    {
        var options = new AgentOptions
        {
            Cloud = new CloudLinkOptions { HedgeAfter = TimeSpan.FromMilliseconds(200), HedgeQuantile = 0.95, HedgeAfterMin = TimeSpan.FromMilliseconds(300) },
        };

        var result = new AgentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Agent:Cloud:HedgeAfterMin: expected at most Agent:Cloud:HedgeAfter (00:00:00.2000000), the latest a quantile hedge may wait, got 00:00:00.3000000", result.FailureMessage, StringComparison.Ordinal);
        options.Cloud.HedgeQuantile = 0;
        Assert.True(new AgentOptionsValidator().Validate(null, options).Succeeded, "without a quantile the floor is not used");
    }

    [Fact]
    public void Validate_HedgeQuantileWithHedgingOff_FailsInsteadOfDoingNothing()
    {
        var options = new AgentOptions { Cloud = new CloudLinkOptions { HedgeAfter = TimeSpan.Zero, HedgeQuantile = 0.95 } };

        var result = new AgentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Agent:Cloud:HedgeQuantile: 0.95 needs hedging on: Agent:Cloud:HedgeAfter is its ceiling and is 00:00:00 (off)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HedgeAfterNotUnderTheAttemptTimeout_AgentRefusesToStart()
    {
        var dataDir = Directory.CreateTempSubdirectory("edgecloud-agent-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessAgent.StartAsync(dataDir, "", "http://127.0.0.1:1", new Dictionary<string, string?>
            {
                ["Agent:Cloud:AttemptTimeout"] = "00:00:00.500",
                ["Agent:Cloud:HedgeAfter"] = "00:00:00.500",
            }));

            Assert.Contains("Agent:Cloud:HedgeAfter", error.Message, StringComparison.Ordinal);
            Assert.Contains("got 00:00:00.5000000", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static ValidateOptionsResult Validate(string hedgeAfter, string attemptTimeout) =>
        new AgentOptionsValidator().Validate(null, new AgentOptions
        {
            Cloud = new CloudLinkOptions { HedgeAfter = TimeSpan.Parse(hedgeAfter, System.Globalization.CultureInfo.InvariantCulture), AttemptTimeout = TimeSpan.Parse(attemptTimeout, System.Globalization.CultureInfo.InvariantCulture) },
        });
}
