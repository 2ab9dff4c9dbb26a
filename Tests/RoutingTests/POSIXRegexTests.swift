import Routing
import Testing

@Suite struct POSIXRegexTests {
    @Test func compilesAndMatchesRepeatedly() throws {
        let re = try POSIXRegex("r2=(on|yes)", flags: RouteParams.kamailioFlags)
        #expect(re.matches(";R2=ON;lr"))
        #expect(re.matches(";r2=yes"))
        #expect(!re.matches(";r2=off"))
        #expect(re.pattern == "r2=(on|yes)")
    }

    @Test func reportsCompileErrors() {
        #expect(throws: POSIXRegex.CompileError.self) { try POSIXRegex("[a", flags: RouteParams.kamailioFlags) }
    }
}
