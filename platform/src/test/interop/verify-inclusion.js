// Verifies the transparency log's inclusion proofs with Sigstore's own RFC 6962 implementation
// (@sigstore/verify, the verifier of Rekor entries), not Yiwang's code. Input: a JSON file of cases
// { canonicalizedBody (base64 leaf text), logIndex, hashes (hex, bottom up), treeSize, rootHash (hex) }.
// Prints one line per case: "ok" or "refused: <reason>".
const path = require('path');
const fs = require('fs');
const modules = process.argv[3];
const { verifyMerkleInclusion } = require(path.join(modules, '@sigstore/verify/dist/tlog/merkle.js'));
const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const c of cases) {
  try {
    verifyMerkleInclusion(
      {
        canonicalizedBody: Buffer.from(c.canonicalizedBody, 'base64'),
        inclusionProof: { logIndex: String(c.logIndex), hashes: c.hashes.map((h) => Buffer.from(h, 'hex')) },
      },
      { logSize: BigInt(c.treeSize), logHash: Buffer.from(c.rootHash, 'hex') },
    );
    console.log('ok');
  } catch (e) {
    console.log('refused: ' + e.message);
  }
}
