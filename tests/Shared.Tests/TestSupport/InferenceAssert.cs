using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>Asserts that an action fails with an <see cref="InferenceException"/> of one code whose message holds every fragment.</summary>
internal static class InferenceAssert
{
    public static InferenceException Throws(InferenceErrorCode code, Action action, params string[] fragments)
    {
        var ex = Assert.Throws<InferenceException>(action);
        Assert.Equal(code, ex.Code);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }

    public static InferenceException Invalid(Action action, params string[] fragments) =>
        Throws(InferenceErrorCode.InvalidArgument, action, fragments);
}
