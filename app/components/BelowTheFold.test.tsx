import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BelowTheFold } from "./BelowTheFold";

describe("BelowTheFold", () => {
  it("lets the first paint skip its content while off screen, with the height to hold until then, in the server's HTML", () => {
    const html = renderToStaticMarkup(
      <BelowTheFold estimatedHeight={350}>
        <p>Sending hours</p>
      </BelowTheFold>,
    );

    expect(html).toBe(
      '<div style="content-visibility:auto;contain-intrinsic-size:auto 350px"><p>Sending hours</p></div>',
    );
  });
});
