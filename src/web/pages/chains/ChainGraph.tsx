import { TreeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { type Chain, nestSegments, type SegmentNode, SEGMENT_POSITIONS, STRENGTH_COLORS } from './types';

// Only the tree series, its tooltip and the canvas renderer: keeps the chain page's bundle small.
echarts.use([TreeChart, TooltipComponent, CanvasRenderer]);

interface TreeNode {
  name: string;
  segmentId?: string;
  value?: string;
  itemStyle?: { color: string; borderColor: string };
  label?: { backgroundColor?: string; color?: string };
  children?: TreeNode[];
  tooltip?: { formatter: string };
}

/** The chain map as a tree: chain → upstream/midstream/downstream/lateral → segments, coloured by strength. */
export function ChainGraph({ chain, onSelect }: { chain: Chain; onSelect: (segmentId: string) => void }) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  const chartRef = useRef<echarts.ECharts | null>(null);

  // One chart for the page's life; a ResizeObserver keeps it fitted when the map grows or the window changes.
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chartRef.current = chart;
    chart.on('click', (params) => {
      const id = (params.data as TreeNode | undefined)?.segmentId;
      if (id) select.current(id);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const nodeOf = (s: SegmentNode): TreeNode => {
      const stages = s.projectsByStage
        .map((p) => `${t(`stage.${p.stage}` as never)} ${p.count} · ${formatWan(p.totalInvestmentWan)}${t('unit.wan')}`)
        .join('<br/>');
      const worked = s.targets.contacted + s.targets.negotiating;
      return {
        name: s.projectCount ? `${s.name}（${s.projectCount}）` : s.name,
        segmentId: s.id,
        value: `${s.projectCount}`,
        itemStyle: { color: STRENGTH_COLORS[s.strength], borderColor: STRENGTH_COLORS[s.strength] },
        tooltip: {
          formatter: [
            `<b>${s.name}</b> · ${t(`chains.strength.${s.strength}` as never)} · ${t(`chains.priority.${s.priority}` as never)}`,
            t('chains.graph.tooltipTargets', { total: Object.values(s.targets).reduce((a, b) => a + b, 0), worked }),
            t('chains.graph.tooltipProjects', { count: s.projectCount, wan: formatWan(s.projectInvestmentWan) }),
            stages,
          ]
            .filter(Boolean)
            .join('<br/>'),
        },
        children: s.children?.map(nodeOf),
      };
    };
    const roots = nestSegments(chain.segments);
    const data: TreeNode = {
      name: chain.name,
      itemStyle: { color: '#1677ff', borderColor: '#1677ff' },
      children: SEGMENT_POSITIONS.map((position) => ({
        name: t(`chains.position.${position}` as never),
        itemStyle: { color: '#8c8c8c', borderColor: '#8c8c8c' },
        children: roots.filter((s) => s.position === position).map(nodeOf),
      })).filter((group) => group.children.length > 0),
    };
    chart.setOption(
      {
        tooltip: { trigger: 'item', triggerOn: 'mousemove' },
        series: [
          {
            type: 'tree',
            data: [data],
            top: 20,
            left: 120,
            bottom: 20,
            right: 220,
            symbol: 'circle',
            symbolSize: 14,
            initialTreeDepth: -1,
            expandAndCollapse: false,
            label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
            leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
            lineStyle: { width: 1.5 },
            animationDuration: 300,
          },
        ],
      },
      true,
    );
    chart.resize();
  }, [chain, t]);

  const height = Math.max(360, chain.segments.length * 34);
  return <div ref={ref} data-testid="chain-graph" style={{ width: '100%', height }} />;
}
