using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.SpecParsing;
using DatoCms.ErrorCodes.Generators.Validation;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// The checks the overlay reader used to make while parsing, now owned by one validation step
/// each; the located diagnostics through the whole generator are in <see cref="SpecDiagnosticsTests"/>.
/// </summary>
public class ValidationStepTests
{
    private static YamlScalar Scalar(string value, int line = 1, int column = 14) =>
        new(value, false, new SourceSpan("o.yaml", 0, value.Length, line, column, line, column + value.Length));

    [Fact]
    public void UnknownRetryKindFallsBackToNone()
    {
        var diagnostics = new List<DiagnosticInfo>();

        var kind = RetryKindRule.Read(Scalar("sometimes"), "A", diagnostics);

        Assert.Equal(DatoRetryKind.None, kind);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DATO109", 1, 14), (diagnostic.DescriptorId, diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column));
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("backoff", 1)]
    [InlineData("rate-limit", 2)]
    [InlineData("refresh", 3)]
    public void KnownRetryKindsAreRead(string written, int expected)
    {
        var diagnostics = new List<DiagnosticInfo>();

        Assert.Equal((DatoRetryKind)expected, RetryKindRule.Read(Scalar(written), "A", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void FamilyThatIsNotKebabCaseIsDropped()
    {
        var diagnostics = new List<DiagnosticInfo>();

        Assert.Null(FamilyRule.CheckSpelling(Scalar("Plan Limits"), "A", diagnostics));
        Assert.Equal("DATO110", Assert.Single(diagnostics).DescriptorId);
    }

    [Fact]
    public void FamilyMembersAreAllocatedOnceAndUnknownIsNeverTaken()
    {
        var diagnostics = new List<DiagnosticInfo>();
        var families = new FamilyRule();

        Assert.Equal(("plan-limits", "PlanLimits"), families.Allocate(Scalar("plan-limits"), "A", diagnostics));
        Assert.Equal(("plan-limits", "PlanLimits"), families.Allocate(Scalar("plan-limits"), "B", diagnostics));
        Assert.Equal((string.Empty, GeneratedNames.UnknownMember), families.Allocate(null, "C", diagnostics));
        Assert.Empty(diagnostics);

        Assert.Equal((string.Empty, GeneratedNames.UnknownMember), families.Allocate(Scalar("unknown"), "D", diagnostics));
        Assert.Equal(new[] { "DATO110" }, diagnostics.Select(d => d.DescriptorId));
    }

    [Fact]
    public void LimitWithoutASingleValueIsReportedAtItsKey()
    {
        var diagnostics = new List<DiagnosticInfo>();
        var key = new SourceSpan("o.yaml", 10, 6, 1, 2, 1, 8);

        Assert.False(LimitBuilder.HasSingleValue(new OverlayLimit("nested", key, null), diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DATO112", key), (diagnostic.DescriptorId, diagnostic.Span!.Value));
        Assert.Equal("its value must be a number or a string", diagnostic.MessageArgs[1]);
    }
}
