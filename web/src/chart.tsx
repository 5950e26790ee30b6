/**
 * Charts through ECharts, importing only what the console draws (lines, bars, pies, marked days and spans) so the bundle
 * stays small. Each chart is described for screen readers by ECharts' aria option.
 */
import { useEffect, useRef } from 'preact/hooks'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

export type ChartOption = echarts.EChartsCoreOption

/** Colours told apart by people with the common colour-vision deficiencies, each readable on white. */
const palette = ['#0b5cad', '#d9822b', '#1d6b32', '#7b3fa0', '#a4161a', '#4a5360']

export function Chart({ option, label, height = 260 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    const instance = echarts.init(box.current!)
    chart.current = instance
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(box.current!)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, color: palette, tooltip: { trigger: 'axis' }, ...option }, true)
  }, [option])
  return <div class="chart" ref={box} role="img" aria-label={label} style={{ height: `${height}px` }} />
}
