// Unit tests: INFO's number spellings (Redis's bytesToHuman, rusage seconds) and section text.
import { expect } from 'chai';
import { bytesToHuman, renderSection, safeInfoName, secondsMicros } from './format.js';

describe('INFO formatting', () => {
  it('prints sizes as Redis bytesToHuman does', () => {
    expect(bytesToHuman(0)).to.equal('0B');
    expect(bytesToHuman(1023)).to.equal('1023B');
    expect(bytesToHuman(916336)).to.equal('894.86K');
    expect(bytesToHuman(12226560)).to.equal('11.66M');
    expect(bytesToHuman(25276059648)).to.equal('23.54G');
    expect(bytesToHuman(1024 ** 4)).to.equal('1.00T');
  });

  it('prints CPU seconds with six decimals', () => {
    expect(secondsMicros(5121)).to.equal('0.005121');
    expect(secondsMicros(12_000_001)).to.equal('12.000001');
  });

  it('renders a section as a title and field lines, and makes names safe', () => {
    expect(renderSection('Cluster', [['cluster_enabled', 0]])).to.equal('# Cluster\r\ncluster_enabled:0\r\n');
    expect(renderSection('Modules', [])).to.equal('# Modules\r\n');
    expect(safeInfoName('a:b#c\r\n')).to.equal('a_b_c__');
  });
});
